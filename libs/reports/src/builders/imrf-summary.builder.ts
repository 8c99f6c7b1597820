import { ReportDocument, Section } from '../model/document.types';
import { ImrfSummaryReportInput } from '../model/report-kind.types';
import { col, compact, describeShareIn, distribution, figure, heading, keyFigures, list, narrative, note, paragraph, shareFigure, table } from './blocks';
import { DatasetIndex, compareText } from './dataset-index';
import { gapsSection, scopeWeakness, weaknessMethodNote } from './imrf-gaps.section';
import {
  DEFAULT_PARAMETERS, reportParameters, afterExtensionNote, afterExtensionDetail, challengeBlocks, expertReportsBlocks, methodSection, objectiveCoverageTable, practicesTable, summariseIndicators,
} from './shared-sections';
import { ScopeData, countBy, missingPledges, scopeData } from './scope';
import { Share, objectiveCoverage, reportingRate, share, wholePercent } from './statistics';
import { documentOf } from './document';
import { warningsNote } from './warnings-note';
import { pledgeListHref, scopeOf, stateListHref, updateListHref } from './figure-links';
import { BuilderText, builderText } from '../i18n/builder-text';
import { changeSection, PRINTED_PLEDGE_ROWS } from './change.section';
import { imrfAdoptionSection } from './adoption.section';

/** The global compilation for one cycle or a span of cycles, feeding the IMRF. */
export function buildImrfSummary(input: ImrfSummaryReportInput): ReportDocument {
  const tr = builderText(input.language);
  const index = new DatasetIndex(input);
  const cycles = index.scopeCycles(input.scope.cycleCodes);
  const scope = scopeData(index, cycles);
  const label = cycles.length === 1 ? cycles[0].code : tr.t('imrfSpan', { first: cycles[0].code, last: cycles[cycles.length - 1].code });
  const parameters = reportParameters(input);
  const weak = scopeWeakness(index, scope, parameters).weak.map((w) => w.objective);
  const weakPercent = tr.count(wholePercent(parameters.weakObjectiveShare));
  const sections: Section[] = [
    overviewSection(index, scope, label, tr),
    {
      id: 'status',
      title: tr.t('imrfStatusTitle'),
      blocks: [distribution('status-distribution', tr.t('imrfStatusCaption', { count: tr.count(scope.expected.length) }),
        scope.expected.map((p) => index.reportedStatus(p.id, cycles)), tr,
        { cycle: scopeOf(cycles), reported: 'owed' })],
    },
    objectivesSection(index, scope, weak, tr),
    themesSection(index, scope, tr),
    indicatorsSection(index, scope, tr),
    gapsSection(index, scope, parameters, tr),
    challengesSection(index, scope, tr),
    {
      id: 'expert-reports',
      title: tr.t('imrfExpertTitle'),
      blocks: expertReportsBlocks(input.expertReports, cycles, () => true, 'expert-reports', tr),
    },
    {
      id: 'practices',
      title: tr.t('imrfPracticesTitle'),
      blocks: compact([
        paragraph(weak.length === 0
          ? tr.t('practicesNoWeak', { percent: weakPercent })
          : tr.t('practicesForWeak', { n: weak.length, count: tr.count(weak.length), percent: weakPercent })),
        weak.length > 0 && (practicesTable(index, weak, 'weak-objective-practices', tr.t('imrfPracticesTitle'), tr, DEFAULT_PARAMETERS.practicesPerObjective)
          ?? note(tr.t('imrfNoPractice'))),
      ]),
    },
    nonReportingSection(index, scope, tr),
    ...narrative(input, () => changeSection(index, cycles, () => true, tr, { statesRate: true, population: {}, printedRows: PRINTED_PLEDGE_ROWS })),
    ...narrative(input, () => imrfAdoptionSection(index, cycles, tr)),
    methodSection([
      weaknessMethodNote(parameters, tr),
      afterExtensionNote(tr),
      ...warningsNote(scope.counted, tr),
    ], tr),
  ];
  return documentOf(input, 'imrf_summary', tr.t('imrfTitle', { label }), tr.t('imrfSubtitle'), cycles, sections);
}

function overviewSection(index: DatasetIndex, scope: ScopeData, label: string, tr: BuilderText): Section {
  const rate = reportingRate(scope.facts);
  const late = scope.counted.filter((u) => u.late).length;
  const reportedExpected = scope.expected.length - missingPledges(scope).length;
  const statesWithout = Math.max(index.data.catalogue.countries.length - scope.facts.statesWithPledges.size, 0);
  const cycle = scopeOf(scope.cycles);
  const of = (key: 'ofStatesWithPledges' | 'shareOfPledgesOwing') => (s: Share) => tr.t(key, { numerator: tr.count(s.numerator), denominator: tr.count(s.denominator) });
  return {
    id: 'overview',
    title: tr.t('imrfOverview'),
    blocks: [
      keyFigures('headline', [
        figure('statesWithPledges', tr.t('imrfStatesWithPledges'), scope.facts.statesWithPledges.size, 'integer', null,
          stateListHref({ cycle, reported: 'owed' })),
        figure('reportingStates', tr.t('imrfReportingStates'), scope.facts.reportingStates.size, 'integer', null,
          stateListHref({ cycle, reported: 'counted' })),
        shareFigure('reportingRate', tr.t('imrfReportingRate'), rate, of('ofStatesWithPledges')),
        figure('pledgesOwing', tr.t('imrfPledgesOwing'), scope.expected.length, 'integer', null, pledgeListHref({ cycle, reported: 'owed' })),
        figure('updates', tr.t('imrfUpdatesCounted'), scope.counted.length, 'integer', null, updateListHref({ cycle })),
        figure('lateUpdates', tr.t('imrfOfWhichLate'), late, 'integer', afterExtensionDetail(scope.counted, tr), updateListHref({ cycle, reported: 'late' })),
        shareFigure('pledgesReported', tr.t('imrfPledgesWithUpdate'), share(reportedExpected, scope.expected.length), of('shareOfPledgesOwing')),
      ]),
      paragraph(`${rate.ratio === null ? tr.t('imrfOverviewNone', { label }) : tr.t('imrfOverviewRate', { label, share: describeShareIn(rate, tr) })} ${
        tr.t('imrfWithoutPledge', { n: statesWithout, count: tr.count(statesWithout), total: tr.count(index.data.catalogue.countries.length) })}`),
    ],
  };
}

function objectivesSection(index: DatasetIndex, scope: ScopeData, weak: number[], tr: BuilderText): Section {
  const reporting = scope.facts.reportingStates.size;
  return {
    id: 'objectives',
    title: tr.t('imrfObjectivesTitle'),
    blocks: compact([
      paragraph(tr.t('imrfObjectivesIntro', { n: reporting, count: tr.count(reporting) })),
      weak.length > 0 && list(weak.map((n) => tr.t('imrfOnlyShare', {
        share: describeShareIn(objectiveCoverage(scope.facts, n), tr), n: String(n), title: tr.catalogue('objective', n, index.objective(n).title),
      }))),
      objectiveCoverageTable('objective-coverage', tr.t('imrfCoverageCaption'), index, scope.facts,
        index.objectiveList().map((o) => o.number), scope.expected, tr,
        { cycle: scopeOf(scope.cycles) }),
    ]),
  };
}

function themesSection(index: DatasetIndex, scope: ScopeData, tr: BuilderText): Section {
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
  const cycle = scopeOf(scope.cycles);
  const themes = index.themeList();
  return {
    id: 'themes',
    title: tr.t('imrfThemesTitle'),
    blocks: [table('theme-rollup', tr.t('imrfThemesCaption'), [
      col('theme', tr.t('imrfColTheme')),
      col('title', tr.t('colTitle')),
      col('pledges', tr.t('imrfColPledgesOwing'), 'integer'),
      col('updates', tr.t('imrfColUpdates'), 'integer'),
      col('reportingStates', tr.t('imrfColReportingStatesOn'), 'integer'),
      col('share', tr.t('imrfColShareReporting'), 'percent'),
    ], themes.map((t) => {
      const n = states.get(t.number)?.size ?? 0;
      return {
        theme: t.code, title: tr.catalogue('theme', t.number, t.title), pledges: pledges.get(t.number) ?? 0, updates: updates.get(t.number) ?? 0,
        reportingStates: n, share: share(n, reporting).ratio,
      };
    }), themes.map(({ number: primaryTheme }) => ({
      pledges: pledgeListHref({ cycle, reported: 'owed', primaryTheme }),
      updates: updateListHref({ cycle, primaryTheme }),
      reportingStates: stateListHref({ cycle, reported: 'counted', primaryTheme }),
    })))],
  };
}

function indicatorsSection(index: DatasetIndex, scope: ScopeData, tr: BuilderText): Section {
  const all = summariseIndicators(index, scope.expected, scope.cycles);
  const byObjective = index.objectiveList().map((o) => {
    const s = summariseIndicators(index, scope.expected.filter((p) => p.primaryObjective === o.number), scope.cycles);
    return {
      objective: o.number, label: tr.catalogue('objective_short', o.number, o.shortLabel), indicators: s.indicators, measured: s.measured, computable: s.computable,
      meanProgress: s.meanRatio, reached: s.reachedTarget, overshoot: s.overshoot, regressed: s.regressed,
    };
  });
  return {
    id: 'indicators',
    title: tr.t('imrfIndicatorsTitle'),
    blocks: [
      keyFigures('indicator-headline', [
        figure('indicators', tr.t('imrfIndicators'), all.indicators, 'integer'),
        figure('measured', tr.t('imrfMeasured'), all.measured, 'integer'),
        figure('meanProgress', tr.t('imrfMeanProgress'), all.meanRatio, 'percent', tr.t('imrfOverComputable', { n: all.computable, count: tr.count(all.computable) })),
        figure('reachedTarget', tr.t('imrfReachedTarget'), all.reachedTarget, 'integer'),
      ]),
      table('indicator-progress', tr.t('imrfIndicatorCaption'), [
        col('objective', tr.t('imrfColObjective'), 'identifier'),
        col('label', tr.t('imrfColShortTitle')),
        col('indicators', tr.t('imrfColIndicators'), 'integer'),
        col('measured', tr.t('imrfColMeasured'), 'integer'),
        col('computable', tr.t('imrfColComputable'), 'integer'),
        col('meanProgress', tr.t('imrfColMeanProgress'), 'percent'),
        col('reached', tr.t('imrfColReached'), 'integer'),
        col('overshoot', tr.t('imrfColOvershoot'), 'integer'),
        col('regressed', tr.t('imrfColMovedAway'), 'integer'),
      ], byObjective),
    ],
  };
}

function challengesSection(index: DatasetIndex, scope: ScopeData, tr: BuilderText): Section {
  const blocks = index.objectiveList().flatMap((o) => {
    const updates = scope.counted.filter((u) => u.lifecycle === 'validated' && index.pledges.get(u.pledgeId)!.primaryObjective === o.number && u.challenges.trim() !== '');
    return updates.length === 0 ? [] : [
      heading(tr.t('objectiveLine', { n: String(o.number), title: tr.catalogue('objective_short', o.number, o.shortLabel) })),
      ...challengeBlocks(index, updates, tr.t('onPrimaryObjective', { n: String(o.number) }), undefined, tr),
    ];
  });
  return { id: 'challenges', title: tr.t('imrfChallengesTitle'), blocks: blocks.length > 0 ? blocks : [paragraph(tr.t('imrfNoChallenge'))] };
}

function nonReportingSection(index: DatasetIndex, scope: ScopeData, tr: BuilderText): Section {
  const owing = countBy(missingPledges(scope), (p) => p.leadOrganisationId);
  const states = [...scope.facts.statesWithPledges].filter((id) => !scope.facts.reportingStates.has(id))
    .map((id) => ({ id, name: index.organisationName(id), country: index.countryOf(id) }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  return {
    id: 'non-reporting',
    title: tr.t('imrfNonReportingTitle'),
    blocks: states.length === 0
      ? [paragraph(tr.t('imrfEveryStateReported'))]
      : [
        paragraph(tr.t('imrfNonReporting', { n: states.length, count: tr.count(states.length) })),
        table('non-reporting-states', tr.t('imrfNonReportingCaption'), [
          col('state', tr.t('imrfColState')),
          col('region', tr.t('imrfColRegion')),
          col('pledgesOwing', tr.t('imrfColPledgesWithout'), 'integer'),
        ], states.map((s) => ({ state: s.name, region: s.country ? tr.catalogue('region', s.country.alpha3, s.country.region) : null, pledgesOwing: owing.get(s.id) ?? 0 })),
        states.map((s) => ({ pledgesOwing: pledgeListHref({ cycle: scopeOf(scope.cycles), reported: 'not-reported', organisation: s.id }) }))),
      ],
  };
}
