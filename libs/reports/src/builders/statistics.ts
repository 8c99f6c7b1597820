import { StatusDistributionEntry, DistributionStatus } from '../model/document.types';
import { IMPLEMENTATION_STATUSES, IndicatorInput, MeasurementInput, PledgeInput, UpdateInput } from '../model/report-input.types';

/** A count out of a count, with the exact ratio kept (null when nothing to divide by). */
export interface Share {
  numerator: number;
  denominator: number;
  ratio: number | null;
}

export function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, ratio: denominator === 0 ? null : numerator / denominator };
}

/**
 * Whole percent, half up. The detour through 12 significant digits undoes
 * binary noise such as 0.285 * 100 = 28.499999999999996, which would round down.
 */
export function wholePercent(ratio: number): number {
  return Math.round(Number((ratio * 100).toPrecision(12)));
}

/** Updates that count as reported: submitted, or validated by the secretariat. */
export function isCounted(update: Pick<UpdateInput, 'lifecycle'>): boolean {
  return update.lifecycle === 'submitted' || update.lifecycle === 'validated';
}

/**
 * Who reported what, for one set of cycles. A State reported if it leads a
 * pledge with at least one counted update in those cycles; it reported on
 * objective N if one of those pledges is aligned with N (primary or not).
 * States with pledges include every reporting State, so the rate never
 * exceeds 100 % even when a pledge withdrawn early still reported.
 */
export interface ReportingFacts {
  statesWithPledges: Set<string>;
  reportingStates: Set<string>;
  /** objective number → reporting State ids. */
  statesByObjective: Map<number, Set<string>>;
}

export function reportingFacts(
  expectedPledges: PledgeInput[],
  countedUpdates: UpdateInput[],
  pledgeById: Map<string, PledgeInput>,
  isState: (organisationId: string) => boolean,
): ReportingFacts {
  const statesWithPledges = new Set<string>();
  for (const p of expectedPledges) if (isState(p.leadOrganisationId)) statesWithPledges.add(p.leadOrganisationId);
  const reportingStates = new Set<string>();
  const statesByObjective = new Map<number, Set<string>>();
  for (const u of countedUpdates) {
    const pledge = pledgeById.get(u.pledgeId);
    if (!pledge || !isCounted(u) || !isState(pledge.leadOrganisationId)) continue;
    const state = pledge.leadOrganisationId;
    reportingStates.add(state);
    statesWithPledges.add(state);
    for (const n of pledge.objectives) {
      let set = statesByObjective.get(n);
      if (!set) statesByObjective.set(n, (set = new Set()));
      set.add(state);
    }
  }
  return { statesWithPledges, reportingStates, statesByObjective };
}

/** Reporting States out of States with pledges. */
export function reportingRate(facts: ReportingFacts): Share {
  return share(facts.reportingStates.size, facts.statesWithPledges.size);
}

/** Share of reporting States that reported on objective N ("only 17 percent … reported on Objective 8"). */
export function objectiveCoverage(facts: ReportingFacts, objective: number): Share {
  return share(facts.statesByObjective.get(objective)?.size ?? 0, facts.reportingStates.size);
}

export const STATUS_LABELS: Record<DistributionStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  delayed: 'Delayed',
  achieved: 'Achieved',
  discontinued: 'Discontinued',
  no_update: 'No validated update',
};

/** Every status in a fixed order, zeros included, so distributions line up across reports. */
export function statusDistribution(
  statuses: Iterable<DistributionStatus>, label: (s: DistributionStatus) => string = (s) => STATUS_LABELS[s],
): { total: number; entries: StatusDistributionEntry[] } {
  const counts = new Map<DistributionStatus, number>();
  let total = 0;
  for (const s of statuses) {
    counts.set(s, (counts.get(s) ?? 0) + 1);
    total++;
  }
  const order: DistributionStatus[] = [...IMPLEMENTATION_STATUSES, 'no_update'];
  return {
    total,
    entries: order.map((status) => {
      const count = counts.get(status) ?? 0;
      return { status, label: label(status), count, ratio: total === 0 ? null : count / total };
    }),
  };
}

export type ProgressFlag =
  | 'on_course'
  | 'overshoot'
  | 'regressed'
  | 'maintained'
  | 'deviated'
  | 'no_measurement'
  | 'no_distance'
  | 'target_against_direction';

export interface IndicatorProgress {
  /** Share of the distance from baseline to target covered, clamped to 0–1; null when not computable. */
  ratio: number | null;
  /** The same before clamping (above 1: overshoot; below 0: moved away from the target). */
  rawRatio: number | null;
  flag: ProgressFlag;
  value: number | null;
  asOf: string | null;
}

/**
 * Progress as the share of the distance from baseline to target. For
 * increase/decrease the formula is the same, (value − baseline) / (target −
 * baseline); a target on the wrong side of the baseline is flagged rather than
 * guessed at. `maintain` has no distance to cover: it reports whether the
 * value held at the target.
 */
export function indicatorProgress(indicator: IndicatorInput, measurement: MeasurementInput | null): IndicatorProgress {
  const base = { value: measurement?.value ?? null, asOf: measurement?.asOf ?? null };
  if (!measurement) return { ratio: null, rawRatio: null, flag: 'no_measurement', ...base };
  const b = indicator.baseline.value;
  const t = indicator.target.value;
  const v = measurement.value;
  if (indicator.direction === 'maintain') {
    return { ratio: null, rawRatio: null, flag: v === t ? 'maintained' : 'deviated', ...base };
  }
  if (t === b) return { ratio: null, rawRatio: null, flag: 'no_distance', ...base };
  if ((indicator.direction === 'increase') !== t > b) {
    return { ratio: null, rawRatio: null, flag: 'target_against_direction', ...base };
  }
  const raw = (v - b) / (t - b);
  if (raw > 1) return { ratio: 1, rawRatio: raw, flag: 'overshoot', ...base };
  if (raw < 0) return { ratio: 0, rawRatio: raw, flag: 'regressed', ...base };
  return { ratio: raw, rawRatio: raw, flag: 'on_course', ...base };
}

/** The measurement with the latest as-of date (ties: the last listed, i.e. the latest entered). */
export function latestMeasurement(measurements: MeasurementInput[], indicatorId: string): MeasurementInput | null {
  let best: MeasurementInput | null = null;
  for (const m of measurements) {
    if (m.indicatorId !== indicatorId) continue;
    if (!best || m.asOf >= best.asOf) best = m;
  }
  return best;
}

export const PROGRESS_FLAG_LABELS: Record<ProgressFlag, string> = {
  on_course: '',
  overshoot: 'target exceeded',
  regressed: 'moved away from target',
  maintained: 'held at target',
  deviated: 'not held at target',
  no_measurement: 'no measurement',
  no_distance: 'baseline equals target',
  target_against_direction: 'target contradicts direction',
};

/**
 * The threshold half of "weakly reported": a share of reporting States below
 * the threshold (none when no State reported). Callers that already know the
 * objective was reported on use it directly; `objectiveWeakness` is the whole rule.
 */
export function belowShare(coverage: Share, threshold: number): boolean {
  return coverage.ratio !== null && coverage.ratio < threshold;
}

/** How weakly each objective was reported on: three lists, never lumped together. */
export interface ObjectiveWeakness {
  /** No pledge owing an update is aligned with it. */
  noPledge: number[];
  /** Pledged, but no aligned pledge has a counted update. */
  notReported: number[];
  /** Reported on, but by fewer than `threshold` of the reporting States (stakeholders' updates alone: 0 States). */
  weak: { objective: number; coverage: Share }[];
}

/**
 * The one rule for "weakly reported" (the IMRF summary's gaps, its practices
 * for weak objectives and its method note all read it). An objective is weak
 * only when something was pledged and reported on it: objectives with no
 * pledge and objectives pledged but not reported on are their own lists. With
 * no reporting State at all no share can be taken, so none is weak.
 */
export function objectiveWeakness(
  facts: ReportingFacts, expectedPledges: PledgeInput[], countedUpdates: UpdateInput[], objectives: number[], threshold: number,
): ObjectiveWeakness {
  const pledged = new Set<number>();
  const reported = new Set<number>();
  const byId = new Map(expectedPledges.map((p) => [p.id, p]));
  for (const p of expectedPledges) for (const n of p.objectives) pledged.add(n);
  for (const u of countedUpdates) {
    if (!isCounted(u)) continue;
    for (const n of byId.get(u.pledgeId)?.objectives ?? []) reported.add(n);
  }
  const sorted = [...objectives].sort((a, b) => a - b);
  const weak: ObjectiveWeakness['weak'] = [];
  for (const n of sorted) {
    if (!reported.has(n)) continue;
    const coverage = objectiveCoverage(facts, n);
    if (belowShare(coverage, threshold)) weak.push({ objective: n, coverage });
  }
  return {
    noPledge: sorted.filter((n) => !pledged.has(n)),
    notReported: sorted.filter((n) => pledged.has(n) && !reported.has(n)),
    weak,
  };
}
