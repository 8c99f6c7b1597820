import { Block, ReportDocument, Section } from '../model/document.types';
import { ReportInputError, RoundTableReportInput } from '../model/report-kind.types';
import { compact, shareSentence, distribution, figure, heading, keyFigures, list, paragraph, plural, shareFigure } from './blocks';
import { DatasetIndex, cycleLabel } from './dataset-index';
import { documentOf } from './document';
import { roundTableQuestionsSection } from './guiding-questions.section';
import { builderText } from '../i18n/builder-text';
import { DEFAULT_PARAMETERS, challengeBlocks, methodSection, reportParameters, summariseIndicators } from './shared-sections';
import { ScopeData, scopeData } from './scope';
import { changeSection } from './change.section';
import { belowShare, objectiveCoverage, share, wholePercent } from './statistics';

/** The catalogue may already name the forum ("IMRF 2022 round table 2"); the title names it once. */
export function imrfTitle(title: string): string {
  return /\bIMRF\b|International Migration Review Forum/i.test(title) ? title : `IMRF ${title}`;
}

function joinNumbers(ns: number[]): string {
  return ns.length <= 1 ? ns.join('') : `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
}

/** One IMRF round table, in the shape of its background note: introduction, progress by objective, guiding questions. */
export function buildRoundTableReport(input: RoundTableReportInput): ReportDocument {
  const index = new DatasetIndex(input);
  const rt = input.catalogue.roundTables.find((r) => r.code === input.scope.roundTable);
  if (!rt) throw new ReportInputError(`round table ${input.scope.roundTable} is not in the catalogue`);
  const cycles = index.scopeCycles(input.scope.cycleCodes);
  const label = cycleLabel(cycles);
  const objectives = rt.objectives.map((o) => o.number).sort((a, b) => a - b);
  const all = scopeData(index, cycles);
  const onAny = new Set(objectives.flatMap((n) => [...(all.facts.statesByObjective.get(n) ?? [])]));
  const rtPledges = all.expected.filter((p) => p.objectives.some((n) => objectives.includes(n)));

  const sections: Section[] = [
    {
      id: 'introduction',
      title: '1. Introduction',
      blocks: [
        paragraph(`Round table ${rt.number} of the International Migration Review Forum (${rt.year}) offers space for discussion of progress made in the ` +
          `implementation of objectives ${joinNumbers(objectives)} of the Global Compact for Safe, Orderly and Regular Migration (GCM). ` +
          `This note sets out the progress that Member States and stakeholders reported on these objectives in ${label}.`),
        keyFigures('headline', [
          figure('pledges', 'Pledges aligned with these objectives', rtPledges.length, 'integer'),
          figure('reportingStates', 'Reporting States (all objectives)', all.facts.reportingStates.size, 'integer'),
          shareFigure('coverage', 'Reporting States that reported on at least one of these objectives',
            share(onAny.size, all.facts.reportingStates.size), 'reporting States'),
        ]),
      ],
    },
    {
      id: 'progress',
      title: '2. Overview of progress',
      blocks: objectives.flatMap((n) => objectiveProgress(index, all, n, label)),
    },
    roundTableQuestionsSection(index, rt, objectives, builderText(input.language)),
    methodSection(),
  ];
  // Change since the last cycle (issue 16 item 4): appended before the notes on method.
  sections.splice(sections.length - 1, 0,
    changeSection(index, cycles, (p) => p.objectives.some((n) => objectives.includes(n)), builderText(input.language), { statesRate: true }));
  return documentOf(input, 'round_table', `${imrfTitle(rt.title)}: background note`, `Objectives ${joinNumbers(objectives)}, progress reported in ${label}`, cycles, sections);
}

function objectiveProgress(index: DatasetIndex, all: ScopeData, n: number, label: string): Block[] {
  const o = index.objective(n);
  const pledges = all.expected.filter((p) => p.objectives.includes(n));
  const counted = all.counted.filter((u) => index.pledges.get(u.pledgeId)!.objectives.includes(n));
  const cov = objectiveCoverage(all.facts, n);
  const pledgers = new Set(pledges.map((p) => p.leadOrganisationId)).size;
  const ind = summariseIndicators(index, pledges, all.cycles);
  const weak = counted.length > 0 && belowShare(cov, reportParameters(index.data as RoundTableReportInput).weakObjectiveShare);
  const practices = index.data.practices.filter((p) => p.objectives.includes(n) && !p.brieflyReferred).map((p) => `${p.code} ${p.title}${p.organisation ? ` (${p.organisation})` : ''}`).sort();
  return compact([
    heading(`Objective ${n}: ${o.title}`),
    paragraph(`${plural(pledges.length, 'pledge')} from ${plural(pledgers, 'organisation')} ${pledges.length === 1 ? 'is' : 'are'} aligned with Objective ${n}. ` +
      shareSentence(cov, (d) => `${weak ? 'Only ' : ''}${d} of the States that reported in ${label} reported on Objective ${n}.`, `No State reported in ${label}.`) +
      (ind.meanRatio === null ? '' : ` Measured indicators have covered on average ${wholePercent(ind.meanRatio)} percent of the distance from baseline to target (${plural(ind.computable, 'indicator')}).`)),
    distribution(`status-${n}`, `Objective ${n}: status of aligned pledges`, pledges.map((p) => index.reportedStatus(p.id, all.cycles))),
    heading('Challenges', 4),
    ...challengeBlocks(index, counted, `on Objective ${n}`),
    practices.length > 0 && heading('Practices', 4),
    list(practices.slice(0, DEFAULT_PARAMETERS.practicesPerObjective)),
  ]);
}
