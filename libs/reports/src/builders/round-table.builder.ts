import { Block, ReportDocument, Section } from '../model/document.types';
import { ReportInputError, RoundTableReportInput } from '../model/report-kind.types';
import { BuilderText, builderText } from '../i18n/builder-text';
import { compact, describeShareIn, distribution, figure, heading, keyFigures, narrative, paragraph, shareFigure } from './blocks';
import { DatasetIndex, cycleLabel } from './dataset-index';
import { documentOf } from './document';
import { roundTableQuestionsSection } from './guiding-questions.section';
import { OverviewContext, overviewBlocks, overviewContext } from './overview.section';
import { methodSection, reportParameters, summariseIndicators } from './shared-sections';
import { scopeData } from './scope';
import { changeSection, PRINTED_PLEDGE_ROWS } from './change.section';
import { belowShare, objectiveCoverage, share, wholePercent } from './statistics';
import { pledgeListHref, scopeOf, stateListHref } from './figure-links';

/** The catalogue may already name the forum ("IMRF 2022 round table 2"); the title names it once. */
export function imrfTitle(title: string): string {
  return /\bIMRF\b|International Migration Review Forum/i.test(title) ? title : `IMRF ${title}`;
}

function joinNumbers(ns: number[], tr: BuilderText): string {
  return ns.length <= 1 ? ns.join('') : tr.t('joinLast', { head: tr.list(ns.slice(0, -1).map(String)), last: String(ns[ns.length - 1]) });
}

/** One IMRF round table, in the shape of its background note: introduction, progress by objective, guiding questions. */
export function buildRoundTableReport(input: RoundTableReportInput): ReportDocument {
  const tr = builderText(input.language, input.catalogue);
  const index = new DatasetIndex(input);
  const rt = input.catalogue.roundTables.find((r) => r.code === input.scope.roundTable);
  if (!rt) throw new ReportInputError(`round table ${input.scope.roundTable} is not in the catalogue`);
  const cycles = index.scopeCycles(input.scope.cycleCodes);
  const label = cycleLabel(cycles);
  const objectives = rt.objectives.map((o) => o.number).sort((a, b) => a - b);
  const all = scopeData(index, cycles);
  const onAny = new Set(objectives.flatMap((n) => [...(all.facts.statesByObjective.get(n) ?? [])]));
  const rtPledges = all.expected.filter((p) => p.objectives.some((n) => objectives.includes(n)));
  const ctx = overviewContext(index, tr, all, label);
  const empty = all.counted.length === 0;
  const progress = empty
    ? [paragraph(tr.t('rtEmpty', { cycles: label, n: rtPledges.length, count: tr.count(rtPledges.length) }))]
    : objectives.flatMap((n) => objectiveProgress(ctx, n));
  const footnotes = ctx.citations.block();

  const sections: Section[] = [
    {
      id: 'introduction',
      title: tr.t('rtIntroduction'),
      blocks: [
        paragraph(tr.t('rtIntro', { number: String(rt.number), year: String(rt.year), objectives: joinNumbers(objectives, tr), cycles: label })),
        empty
          ? paragraph(tr.t('rtIntroEmpty', { cycles: label }))
          : keyFigures('headline', [
            figure('pledges', tr.t('rtFigPledges'), rtPledges.length, 'integer', null,
              pledgeListHref({ cycle: scopeOf(cycles), reported: 'owed', roundTable: rt.code })),
            figure('reportingStates', tr.t('rtFigReportingStates'), all.facts.reportingStates.size, 'integer', null,
              stateListHref({ cycle: scopeOf(cycles), reported: 'counted' })),
            shareFigure('coverage', tr.t('rtFigCoverage'), share(onAny.size, all.facts.reportingStates.size),
              (sh) => tr.t('shareOfReportingStates', { numerator: tr.count(sh.numerator), denominator: tr.count(sh.denominator) })),
          ]),
      ],
    },
    {
      id: 'progress',
      title: tr.t('rtProgress'),
      blocks: footnotes ? [...progress, heading(tr.t('footnotesHeading'), 4), footnotes] : progress,
    },
    ...narrative(input, () => roundTableQuestionsSection(index, rt, objectives, tr)),
    // Change since the last cycle (issue 16 item 4), before the notes on method.
    ...narrative(input, () => changeSection(index, cycles, (p) => p.objectives.some((n) => objectives.includes(n)), tr, { statesRate: true, population: { roundTable: rt.code }, printedRows: PRINTED_PLEDGE_ROWS })),
    methodSection([tr.t('methodOverview')], tr),
  ];
  return documentOf(input, 'round_table', tr.t('rtTitle', { title: imrfTitle(rt.title) }),
    tr.t('rtSubtitle', { objectives: joinNumbers(objectives, tr), cycles: label }), cycles, sections);
}

function objectiveProgress(ctx: OverviewContext, n: number): Block[] {
  const { index, all, tr, label } = ctx;
  const o = index.objective(n);
  const pledges = all.expected.filter((p) => p.objectives.includes(n));
  const counted = all.counted.filter((u) => index.pledges.get(u.pledgeId)!.objectives.includes(n));
  const cov = objectiveCoverage(all.facts, n);
  const pledgers = new Set(pledges.map((p) => p.leadOrganisationId)).size;
  const ind = summariseIndicators(index, pledges, all.cycles);
  const weak = counted.length > 0 && belowShare(cov, reportParameters(index.data as RoundTableReportInput).weakObjectiveShare);
  const head = heading(tr.t('objectiveLine', { n, title: tr.catalogue('objective', n, o.title) }));
  if (pledges.length === 0) return [head, paragraph(tr.t('rtNoPledge', { n, cycles: label }))];
  return compact([
    head,
    paragraph([
      tr.t('rtAligned', { n: pledges.length, count: tr.count(pledges.length), orgs: pledgers, orgCount: tr.count(pledgers), objective: n }),
      cov.ratio === null ? tr.t('rtNoReporting', { cycles: label }) : tr.t(weak ? 'rtCoverageWeak' : 'rtCoverage', { share: describeShareIn(cov, tr), cycles: label, n }),
      ind.meanRatio === null ? '' : tr.t('rtIndicatorMean', { percent: tr.count(wholePercent(ind.meanRatio)), n: ind.computable, count: tr.count(ind.computable) }),
    ].filter((x) => x !== '').join(' ')),
    distribution(`status-${n}`, tr.t('rtStatusCaption', { n }), pledges.map((p) => index.reportedStatus(p.id, all.cycles)), tr,
      { cycle: scopeOf(all.cycles), reported: 'owed', objective: n }),
    ...narrative(index.data as RoundTableReportInput, () => overviewBlocks(ctx, n, counted, all.cycles)).flat(),
  ]);
}
