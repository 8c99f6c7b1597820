import { Block, Cell, Section, TableBlock } from '../model/document.types';
import { CycleInput, ExpertReportInput, PledgeInput, UpdateInput } from '../model/report-input.types';
import { BuilderText } from '../i18n/builder-text';
import type { ReportInput, ReportParameters } from '../model/report-kind.types';
import { col, compact, excerpt, list, note, paragraph, table } from './blocks';
import { DatasetIndex, compareText } from './dataset-index';
import { PledgeListFilter, pledgeListHref, stateListHref } from './figure-links';
import {
  PROGRESS_FLAG_LABELS, ReportingFacts, indicatorProgress, latestMeasurement, objectiveCoverage,
} from './statistics';

export const DEFAULT_PARAMETERS: ReportParameters = {
  /** Objectives pledged and reported on by fewer reporting States than this share are "weak" (`REPORT_WEAK_OBJECTIVE_SHARE`). */
  weakObjectiveShare: 0.25,
  /** Challenge excerpts shown per group; the count of all is always given. */
  challengeExcerpts: 5,
  challengeExcerptLength: 400,
  practicesPerObjective: 5,
};

/** The parameters a report is built with: the input's settings over the defaults. */
export function reportParameters(input: Pick<ReportInput, 'parameters'>): ReportParameters {
  return { ...DEFAULT_PARAMETERS, ...input.parameters };
}

/** Coverage of each objective among reporting States, plus the pledges behind it. */
export function objectiveCoverageTable(
  id: string, caption: string, index: DatasetIndex, facts: ReportingFacts, objectives: number[], pledges: PledgeInput[],
  tr: BuilderText,
  /**
   * When `pledges` are exactly the pledges owing an update of a population the lists can say (and `facts` were taken
   * over it): its pledge counts link to the pledge list, its States counts to the list of States leading them.
   */
  population?: Omit<PledgeListFilter, 'objective' | 'reported'>,
): TableBlock {
  const pledgeCount = new Map<number, number>();
  const pledgingStates = new Map<number, Set<string>>();
  for (const p of pledges) {
    for (const n of p.objectives) {
      pledgeCount.set(n, (pledgeCount.get(n) ?? 0) + 1);
      if (!index.isState(p.leadOrganisationId)) continue;
      let s = pledgingStates.get(n);
      if (!s) pledgingStates.set(n, (s = new Set()));
      s.add(p.leadOrganisationId);
    }
  }
  return table(id, caption, [
    col('objective', tr.t('colObjective'), 'identifier'),
    col('label', tr.t('colShortTitle')),
    col('pledges', tr.t('colPledges'), 'integer'),
    col('pledgingStates', tr.t('colStatesPledging'), 'integer'),
    col('reportingStates', tr.t('colReportingStatesOn'), 'integer'),
    col('share', tr.t('colShareReporting'), 'percent'),
  ], objectives.map((n) => {
    const cov = objectiveCoverage(facts, n);
    return {
      objective: n,
      label: tr.catalogue('objective_short', n, index.objective(n).shortLabel),
      pledges: pledgeCount.get(n) ?? 0,
      pledgingStates: pledgingStates.get(n)?.size ?? 0,
      reportingStates: cov.numerator,
      share: cov.ratio,
    };
  }), population && objectives.map((objective) => ({
    pledges: pledgeListHref({ ...population, reported: 'owed', objective }),
    pledgingStates: stateListHref({ ...population, reported: 'owed', objective }),
    reportingStates: stateListHref({ ...population, reported: 'counted', objective }),
  })));
}

/** Validated updates with a challenge text (never those awaiting validation), by pledge reference: what every challenge count counts. */
export function validatedChallenges(index: DatasetIndex, updates: UpdateInput[]): { u: UpdateInput; p: PledgeInput }[] {
  return updates
    .filter((u) => u.lifecycle === 'validated' && u.challenges.trim() !== '')
    .map((u) => ({ u, p: index.pledges.get(u.pledgeId) as PledgeInput }))
    .sort((a, b) => compareText(a.p.reference, b.p.reference) || compareText(a.u.cycleCode, b.u.cycleCode));
}

/** Challenges written in validated updates: how many, and the first excerpts by pledge reference. `what` is in the report's language. */
export function challengeBlocks(
  index: DatasetIndex, updates: UpdateInput[], what: string, max: number | undefined, tr: BuilderText,
): Block[] {
  const withText = validatedChallenges(index, updates);
  if (withText.length === 0) return [paragraph(tr.t('challengesNone', { what }))];
  const shown = withText.slice(0, max ?? DEFAULT_PARAMETERS.challengeExcerpts);
  const further = withText.length - shown.length;
  return compact([
    paragraph(tr.t('challengesCount', { n: withText.length, count: tr.count(withText.length), what })),
    list(shown.map(({ u, p }) => tr.t('challengeItem', {
      reference: p.reference, org: index.organisationName(p.leadOrganisationId), cycle: u.cycleCode,
      text: excerpt(u.challenges, DEFAULT_PARAMETERS.challengeExcerptLength),
    }))),
    further > 0 && note(tr.t('challengesFurther', { n: further, count: tr.count(further) })),
  ]);
}

/** Published expert challenge reports matching a filter, for the years the cycles touch, by year and title. */
export function expertReportsIn(reports: ExpertReportInput[], cycles: CycleInput[], match: (r: ExpertReportInput) => boolean): ExpertReportInput[] {
  const first = Number(cycles[0].periodStart.slice(0, 4));
  const last = Number(cycles[cycles.length - 1].periodEnd.slice(0, 4));
  return reports
    .filter((r) => r.publishedAt !== null && r.year >= first && r.year <= last && match(r))
    .sort((a, b) => a.year - b.year || compareText(a.title, b.title) || compareText(a.id, b.id));
}

/** Published expert challenge reports matching a filter, for the years the cycles touch. */
export function expertReportsBlocks(
  reports: ExpertReportInput[], cycles: CycleInput[], match: (r: ExpertReportInput) => boolean, id: string, tr: BuilderText,
): Block[] {
  const first = Number(cycles[0].periodStart.slice(0, 4));
  const last = Number(cycles[cycles.length - 1].periodEnd.slice(0, 4));
  const rows = expertReportsIn(reports, cycles, match);
  if (rows.length === 0) return [paragraph(tr.t('expertNone', { years: first === last ? String(first) : `${first}–${last}` }))];
  return [table(id, tr.t('expertCaption'), [
    col('year', tr.t('colYear'), 'year'),
    col('title', tr.t('colTitle')),
    col('author', tr.t('colFiledBy')),
    col('objectives', tr.t('colObjectives')),
    col('summary', tr.t('colSummary')),
  ], rows.map((r) => ({
    year: r.year,
    title: r.title,
    author: r.author,
    objectives: tr.list([...r.objectives].sort((a, b) => a - b).map(String)),
    summary: excerpt(r.summary, 600),
  })))];
}

/** Practice cards whose session is tied to one of the objectives, fully described first. */
export function practicesTable(
  index: DatasetIndex, objectives: number[], id: string, caption: string, tr: BuilderText, perObjective = Infinity,
): TableBlock | null {
  const rows: Record<string, Cell>[] = [];
  for (const n of objectives) {
    const linked = index.data.practices
      .filter((p) => p.objectives.includes(n))
      .sort((a, b) => Number(a.brieflyReferred) - Number(b.brieflyReferred) || compareText(a.code, b.code))
      .slice(0, perObjective);
    for (const p of linked) {
      rows.push({ objective: n, code: p.code, title: p.title, organisation: p.organisation, scope: p.geographicalScope });
    }
  }
  if (rows.length === 0) return null;
  return table(id, caption, [
    col('objective', tr.t('colObjective'), 'identifier'),
    col('code', tr.t('colPractice')),
    col('title', tr.t('colTitle')),
    col('organisation', tr.t('colOrganisation')),
    col('scope', tr.t('colScope')),
  ], rows);
}

/** One row per indicator of a pledge, measured by the given update. */
export function indicatorRows(pledge: PledgeInput, update: UpdateInput | null, tr: BuilderText): Record<string, Cell>[] {
  return pledge.indicators.map((ind) => {
    const pr = indicatorProgress(ind, update ? latestMeasurement(update.measurements, ind.id) : null);
    return {
      pledge: pledge.reference,
      indicator: ind.name,
      unit: ind.unit,
      direction: ind.direction,
      baseline: ind.baseline.value,
      target: ind.target.value,
      value: pr.value,
      asOf: pr.asOf,
      progress: pr.ratio,
      flag: pr.flag === 'on_course' ? null : tr.locale === 'en' ? PROGRESS_FLAG_LABELS[pr.flag] || null : tr.t(`flag_${pr.flag}`),
    };
  });
}

export const indicatorColumns = (tr: BuilderText) => [
  col('pledge', tr.t('colPledge')),
  col('indicator', tr.t('colIndicator')),
  col('unit', tr.t('colUnit')),
  col('direction', tr.t('colDirection')),
  col('baseline', tr.t('colBaseline'), 'number'),
  col('target', tr.t('colTarget'), 'number'),
  col('value', tr.t('colLatestValue'), 'number'),
  col('asOf', tr.t('colAsOf'), 'date'),
  col('progress', tr.t('colProgress'), 'percent'),
  col('flag', tr.t('colFlag')),
];

export interface IndicatorSummary {
  indicators: number;
  measured: number;
  computable: number;
  meanRatio: number | null;
  reachedTarget: number;
  overshoot: number;
  regressed: number;
}

/** Indicator progress of many pledges, each measured by its latest validated update in the cycles. */
export function summariseIndicators(index: DatasetIndex, pledges: PledgeInput[], cycles: CycleInput[]): IndicatorSummary {
  const s: IndicatorSummary = { indicators: 0, measured: 0, computable: 0, meanRatio: null, reachedTarget: 0, overshoot: 0, regressed: 0 };
  let sum = 0;
  for (const p of pledges) {
    const u = index.latestValidatedUpdate(p.id, cycles);
    for (const ind of p.indicators) {
      s.indicators++;
      const pr = indicatorProgress(ind, u ? latestMeasurement(u.measurements, ind.id) : null);
      if (pr.value !== null) s.measured++;
      if (pr.ratio === null) continue;
      s.computable++;
      sum += pr.ratio;
      if (pr.ratio === 1) s.reachedTarget++;
      if (pr.flag === 'overshoot') s.overshoot++;
      if (pr.flag === 'regressed') s.regressed++;
    }
  }
  s.meanRatio = s.computable === 0 ? null : sum / s.computable;
  return s;
}

/** How every figure was computed; closes every report. */
export function methodSection(extra: string[], tr: BuilderText): Section {
  return {
    id: 'method',
    title: tr.t('method'),
    blocks: [list([
      ...(['method1', 'method2', 'method3', 'method4', 'method5', 'method6', 'method7', 'method8'] as const).map((k) => tr.t(k)),
      ...extra,
    ])],
  };
}

/** The method note on deadline extensions (state and IMRF summary reports). */
/** The method note on deadline extensions, in the report's language. */
export function afterExtensionNote(tr: BuilderText): string {
  return tr.t('methodAfterExtension');
}

/** "n more included after extension" beside the late figure, when there are any. */
export function afterExtensionDetail(counted: UpdateInput[], tr: BuilderText): string | null {
  const n = counted.filter((u) => u.afterExtension).length;
  return n > 0 ? tr.t('afterExtensionDetail', { count: tr.count(n) }) : null;
}
