import { ReportDocument, Section } from '../model/document.types';
import { ImrfSummaryReportInput } from '../model/report-kind.types';
import {
  col, compact, describeShare, shareSentence, distribution, figure, heading, keyFigures, list, note, paragraph, plural, shareFigure, table,
} from './blocks';
import { DatasetIndex, compareText, cycleLabel } from './dataset-index';
import { gapsSection } from './imrf-gaps.section';
import {
  DEFAULT_PARAMETERS, afterExtensionNote, afterExtensionDetail, challengeBlocks, expertReportsBlocks, methodSection, objectiveCoverageTable, practicesTable, summariseIndicators,
} from './shared-sections';
import { ScopeData, countBy, missingPledges, scopeData } from './scope';
import { objectiveCoverage, reportingRate, share } from './statistics';
import { documentOf } from './document';
import { builderText } from '../i18n/builder-text';
import { changeSection } from './change.section';
import { imrfAdoptionSection } from './adoption.section';

/** The global compilation for one cycle or a span of cycles, feeding the IMRF. */
export function buildImrfSummary(input: ImrfSummaryReportInput): ReportDocument {
  const tr = builderText(input.language);
  const index = new DatasetIndex(input);
  const cycles = index.scopeCycles(input.scope.cycleCodes);
  const scope = scopeData(index, cycles);
  const label = cycleLabel(cycles);
  const objectives = index.objectiveList().map((o) => o.number);
  const weak = objectives.filter((n) => {
    const r = objectiveCoverage(scope.facts, n).ratio;
    return r !== null && r < DEFAULT_PARAMETERS.weakObjectiveShare;
  });
  const sections: Section[] = [
    overviewSection(index, scope, label),
    {
      id: 'status',
      title: 'Implementation status',
      blocks: [distribution('status-distribution', `Status of the ${scope.expected.length} pledges owing an update`,
        scope.expected.map((p) => index.reportedStatus(p.id, cycles)))],
    },
    objectivesSection(index, scope, weak),
    themesSection(index, scope),
    indicatorsSection(index, scope),
    gapsSection(index, scope),
    challengesSection(index, scope),
    {
      id: 'expert-reports',
      title: 'Expert challenge reports',
      blocks: expertReportsBlocks(input.expertReports, cycles, () => true, 'expert-reports'),
    },
    {
      id: 'practices',
      title: 'Practices for weakly reported objectives',
      blocks: compact([
        paragraph(weak.length === 0
          ? 'Every objective was reported on by at least a quarter of the reporting States.'
          : `Practice cards from the repository that bear on the ${plural(weak.length, 'objective')} reported on by fewer than a quarter of the reporting States.`),
        weak.length > 0 && (practicesTable(index, weak, 'weak-objective-practices', 'Practices for weakly reported objectives', DEFAULT_PARAMETERS.practicesPerObjective)
          ?? note('The repository holds no practice for these objectives.')),
      ]),
    },
    nonReportingSection(index, scope),
    changeSection(index, cycles, () => true, tr, { statesRate: true }),
    imrfAdoptionSection(index, cycles, tr),
    methodSection([
      `An objective is weakly reported when fewer than ${DEFAULT_PARAMETERS.weakObjectiveShare * 100} percent of the reporting States reported on it.`,
      afterExtensionNote(),
    ]),
  ];
  return documentOf(input, 'imrf_summary', `IMRF summary: progress reported in ${label}`,
    'Global compilation of pledges and progress updates under the Global Compact for Safe, Orderly and Regular Migration', cycles, sections);
}

function overviewSection(index: DatasetIndex, scope: ScopeData, label: string): Section {
  const rate = reportingRate(scope.facts);
  const late = scope.counted.filter((u) => u.late).length;
  const reportedExpected = scope.expected.length - missingPledges(scope).length;
  const statesWithout = index.data.catalogue.countries.length - scope.facts.statesWithPledges.size;
  return {
    id: 'overview',
    title: 'Overview',
    blocks: [
      keyFigures('headline', [
        figure('statesWithPledges', 'States with pledges', scope.facts.statesWithPledges.size, 'integer'),
        figure('reportingStates', 'Reporting States', scope.facts.reportingStates.size, 'integer'),
        shareFigure('reportingRate', 'Reporting rate', rate, 'States with pledges'),
        figure('pledgesOwing', 'Pledges owing an update', scope.expected.length, 'integer'),
        figure('updates', 'Progress updates counted', scope.counted.length, 'integer'),
        figure('lateUpdates', 'Of which late', late, 'integer', afterExtensionDetail(scope.counted)),
        shareFigure('pledgesReported', 'Pledges with an update', share(reportedExpected, scope.expected.length), 'pledges owing'),
      ]),
      paragraph(shareSentence(rate, (d) => `In ${label}, ${d} of the States with pledges submitted at least one progress update.`, `No State has a pledge owing an update in ${label}.`) + ' ' +
        `${plural(Math.max(statesWithout, 0), 'State')} of the ${index.data.catalogue.countries.length} in the catalogue have no pledge.`),
    ],
  };
}

function objectivesSection(index: DatasetIndex, scope: ScopeData, weak: number[]): Section {
  const reporting = scope.facts.reportingStates.size;
  return {
    id: 'objectives',
    title: 'Reporting by objective',
    blocks: compact([
      paragraph(`Of the ${plural(reporting, 'reporting State')}, the share that reported on each objective: ` +
        'a State reported on an objective when one of its updated pledges is aligned with it.'),
      weak.length > 0 && list(weak.map((n) => {
        const cov = objectiveCoverage(scope.facts, n);
        return `Only ${describeShare(cov)} of reporting States reported on Objective ${n}: ${index.objective(n).title}.`;
      })),
      objectiveCoverageTable('objective-coverage', 'Share of reporting States that reported on each objective', index, scope.facts,
        index.objectiveList().map((o) => o.number), scope.expected),
    ]),
  };
}

function themesSection(index: DatasetIndex, scope: ScopeData): Section {
  const themeOf = new Map(index.data.pledges.map((p) => [p.id, index.primaryTheme(p)]));
  const pledges = countBy(scope.expected, (p) => themeOf.get(p.id) ?? null);
  const updates = countBy(scope.counted, (u) => themeOf.get(u.pledgeId) ?? null);
  const states = new Map<number, Set<string>>();
  for (const u of scope.counted) {
    const p = index.pledges.get(u.pledgeId)!;
    const t = themeOf.get(p.id);
    if (t == null || !index.isState(p.leadOrganisationId)) continue;
    if (!states.has(t)) states.set(t, new Set());
    states.get(t)!.add(p.leadOrganisationId);
  }
  const reporting = scope.facts.reportingStates.size;
  return {
    id: 'themes',
    title: 'Reporting by ICMPD theme',
    blocks: [table('theme-rollup', 'Pledges and updates by primary theme', [
      col('theme', 'Theme'),
      col('title', 'Title'),
      col('pledges', 'Pledges owing', 'integer'),
      col('updates', 'Updates', 'integer'),
      col('reportingStates', 'Reporting States on it', 'integer'),
      col('share', 'Share of reporting States', 'percent'),
    ], index.themeList().map((t) => {
      const n = states.get(t.number)?.size ?? 0;
      return {
        theme: t.code, title: t.title, pledges: pledges.get(t.number) ?? 0, updates: updates.get(t.number) ?? 0,
        reportingStates: n, share: share(n, reporting).ratio,
      };
    }))],
  };
}

function indicatorsSection(index: DatasetIndex, scope: ScopeData): Section {
  const all = summariseIndicators(index, scope.expected, scope.cycles);
  const byObjective = index.objectiveList().map((o) => {
    const s = summariseIndicators(index, scope.expected.filter((p) => p.primaryObjective === o.number), scope.cycles);
    return {
      objective: o.number, label: o.shortLabel, indicators: s.indicators, measured: s.measured, computable: s.computable,
      meanProgress: s.meanRatio, reached: s.reachedTarget, overshoot: s.overshoot, regressed: s.regressed,
    };
  });
  return {
    id: 'indicators',
    title: 'Indicator progress',
    blocks: [
      keyFigures('indicator-headline', [
        figure('indicators', 'Indicators of pledges owing an update', all.indicators, 'integer'),
        figure('measured', 'Indicators measured', all.measured, 'integer'),
        figure('meanProgress', 'Mean progress to target', all.meanRatio, 'percent', `over ${plural(all.computable, 'computable indicator')}`),
        figure('reachedTarget', 'Indicators at or past target', all.reachedTarget, 'integer'),
      ]),
      table('indicator-progress', 'Indicator progress by primary objective', [
        col('objective', 'Objective', 'identifier'),
        col('label', 'Short title'),
        col('indicators', 'Indicators', 'integer'),
        col('measured', 'Measured', 'integer'),
        col('computable', 'Computable', 'integer'),
        col('meanProgress', 'Mean progress', 'percent'),
        col('reached', 'At or past target', 'integer'),
        col('overshoot', 'Overshoot', 'integer'),
        col('regressed', 'Moved away', 'integer'),
      ], byObjective),
    ],
  };
}

function challengesSection(index: DatasetIndex, scope: ScopeData): Section {
  const blocks = index.objectiveList().flatMap((o) => {
    const updates = scope.counted.filter((u) => u.lifecycle === 'validated' && index.pledges.get(u.pledgeId)!.primaryObjective === o.number && u.challenges.trim() !== '');
    return updates.length === 0 ? [] : [heading(`Objective ${o.number}: ${o.shortLabel}`), ...challengeBlocks(index, updates, `on pledges whose primary objective is ${o.number}`)];
  });
  return { id: 'challenges', title: 'Challenges reported', blocks: blocks.length > 0 ? blocks : [paragraph('No validated update reported a challenge.')] };
}

function nonReportingSection(index: DatasetIndex, scope: ScopeData): Section {
  const owing = countBy(missingPledges(scope), (p) => p.leadOrganisationId);
  const states = [...scope.facts.statesWithPledges].filter((id) => !scope.facts.reportingStates.has(id))
    .map((id) => ({ id, name: index.organisationName(id), country: index.countryOf(id) }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  return {
    id: 'non-reporting',
    title: 'States that did not report',
    blocks: states.length === 0
      ? [paragraph('Every State with pledges reported.')]
      : [
        paragraph(`${plural(states.length, 'State')} with pledges submitted no progress update.`),
        table('non-reporting-states', 'States with pledges and no counted update', [
          col('state', 'State'),
          col('region', 'Region'),
          col('pledgesOwing', 'Pledges without update', 'integer'),
        ], states.map((s) => ({ state: s.name, region: s.country?.region ?? null, pledgesOwing: owing.get(s.id) ?? 0 }))),
      ],
  };
}
