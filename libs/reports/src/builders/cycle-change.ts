import { AdoptionFramework, ThemeAdoption, themeAdoption } from '@gcm/platform/pure';
import { DistributionStatus } from '../model/document.types';
import { CycleInput, IndicatorInput, MeasurementInput, PledgeInput } from '../model/report-input.types';
import { DatasetIndex, compareText } from './dataset-index';
import { ScopeData, scopeData } from './scope';
import { Share, indicatorProgress, latestMeasurement, reportingRate, share } from './statistics';

/** A pledge whose status changed between the cycles. */
export interface StatusTransition {
  pledge: PledgeInput;
  from: DistributionStatus;
  to: 'achieved' | 'delayed' | 'discontinued';
}

/** An indicator measured in validated updates of both cycles whose distance to target changed. */
export interface IndicatorMove {
  pledge: PledgeInput;
  indicator: IndicatorInput;
  before: MeasurementInput;
  after: MeasurementInput;
}

/** What one cycle shows on its own: the figures of the trend. */
export interface CycleFigures {
  cycle: CycleInput;
  statesWithPledges: number;
  reportingStates: Set<string>;
  statesRate: Share;
  pledgesOwing: number;
  pledgesReported: Share;
  validated: number;
}

export interface CycleChange {
  current: CycleFigures;
  /** Null in the first cycle: there is nothing to compare with. */
  previous: CycleFigures | null;
  newly: Record<StatusTransition['to'], StatusTransition[]>;
  towards: IndicatorMove[];
  away: IndicatorMove[];
  warnings: {
    /** Two or more cycles in a row, up to this one, owing an update and validated in none (see withoutValidatedUpdate). */
    noValidatedUpdate: NoValidatedUpdate[];
    /** Target date before the end of the cycle's period, status not achieved. */
    pastTarget: { pledge: PledgeInput; status: DistributionStatus }[];
    /** State organisation ids that reported in the previous cycle and not in this one. */
    stoppedReporting: string[];
  };
}

/** A pledge of the early warning: how long it has gone without a validated update. */
export interface NoValidatedUpdate {
  pledge: PledgeInput;
  /** Cycles in a row, this one included, that it owed an update and had none validated. */
  cycles: number;
  /** The first of them. */
  since: string;
  /** The cycle of its latest validated update before them; null: it never had one while owing. */
  lastValidated: string | null;
}

const byReference = (a: PledgeInput, b: PledgeInput) => compareText(a.reference, b.reference);

/** Every cycle the data set knows, those it holds in full and the others, earliest first. */
function allCycles(index: DatasetIndex): { cycle: CycleInput; full: boolean }[] {
  return [...index.cycles.map((cycle) => ({ cycle, full: true })), ...(index.data.otherCycles ?? []).map((cycle) => ({ cycle, full: false }))]
    .sort((a, b) => compareText(a.cycle.periodStart, b.cycle.periodStart));
}

/**
 * The early warning's one rule: going back from `cycle`, the cycles in a row
 * in which the pledge owed an update (DatasetIndex.isExpected, the database's
 * pledge_owes_update) and had no validated one — in a cycle the data set holds
 * in full, DatasetIndex.validatedUpdate; in another, the pledge's
 * validatedInOtherCycles. The run stops at a validated update or at a cycle
 * the pledge did not owe (not yet published, or withdrawn).
 */
export function withoutValidatedUpdate(index: DatasetIndex, pledge: PledgeInput, cycle: CycleInput, cycles = allCycles(index)): Omit<NoValidatedUpdate, 'pledge'> {
  const other = new Set(pledge.validatedInOtherCycles ?? []);
  let count = 0;
  let since = cycle.code;
  for (let i = cycles.findIndex((c) => c.cycle.code === cycle.code); i >= 0; i--) {
    const c = cycles[i];
    if (!index.isExpected(pledge, c.cycle)) return { cycles: count, since, lastValidated: null };
    const validated = c.full ? index.validatedUpdate(pledge.id, c.cycle.code) !== null : other.has(c.cycle.code);
    if (validated) return { cycles: count, since, lastValidated: c.cycle.code };
    count++;
    since = c.cycle.code;
  }
  return { cycles: count, since, lastValidated: null };
}

/** The figures of one cycle, on the population of pledges that owe it an update (the one rule: DatasetIndex.isExpected). */
export function cycleFigures(index: DatasetIndex, cycle: CycleInput, filter: (p: PledgeInput) => boolean): CycleFigures {
  return figuresOf(cycle, scopeData(index, [cycle], filter));
}

function figuresOf(cycle: CycleInput, scope: ScopeData): CycleFigures {
  const reported = new Set(scope.counted.map((u) => u.pledgeId));
  return {
    cycle,
    statesWithPledges: scope.facts.statesWithPledges.size,
    reportingStates: scope.facts.reportingStates,
    statesRate: reportingRate(scope.facts),
    pledgesOwing: scope.expected.length,
    pledgesReported: share(scope.expected.filter((p) => reported.has(p.id)).length, scope.expected.length),
    validated: scope.counted.filter((u) => u.lifecycle === 'validated').length,
  };
}

/**
 * Distance still to cover, as a share of the baseline-to-target distance
 * (indicatorProgress's raw ratio) where that is defined, else the absolute gap
 * to the target ("maintain" indicators, or a baseline equal to the target).
 */
function remaining(indicator: IndicatorInput, m: MeasurementInput): number {
  const p = indicatorProgress(indicator, m);
  return p.rawRatio !== null ? 1 - p.rawRatio : Math.abs(indicator.target.value - m.value);
}

/**
 * The change from the cycle before `cycle` to `cycle`, for the pledges
 * `filter` keeps. Both cycles' populations come from the same rule; statuses
 * are the dashboards' status as of each cycle (latest validated update,
 * carried forward); indicator values come from validated updates only.
 */
export function cycleChange(index: DatasetIndex, cycle: CycleInput, filter: (p: PledgeInput) => boolean = () => true): CycleChange {
  const prevCycle = index.previousCycle(cycle);
  const scope = scopeData(index, [cycle], filter);
  const current = figuresOf(cycle, scope);
  const previous = prevCycle ? cycleFigures(index, prevCycle, filter) : null;
  // The cycle's population is the scope's expected pledges (one rule, one pass).
  const owing = [...scope.expected].sort(byReference);
  const newly: CycleChange['newly'] = { achieved: [], delayed: [], discontinued: [] };
  const towards: IndicatorMove[] = [];
  const away: IndicatorMove[] = [];
  const noValidatedUpdate: NoValidatedUpdate[] = [];
  const history = allCycles(index);
  const pastTarget: CycleChange['warnings']['pastTarget'] = [];
  for (const p of owing) {
    const now = index.reportedStatus(p.id, [cycle]);
    if (prevCycle) {
      const then = index.reportedStatus(p.id, [prevCycle]);
      if (now !== then && (now === 'achieved' || now === 'delayed' || now === 'discontinued')) newly[now].push({ pledge: p, from: then, to: now });
      const after = index.validatedUpdate(p.id, cycle.code);
      const before = index.validatedUpdate(p.id, prevCycle.code);
      if (after && before) {
        for (const ind of p.indicators) {
          const a = latestMeasurement(after.measurements, ind.id);
          const b = latestMeasurement(before.measurements, ind.id);
          if (!a || !b) continue;
          const da = remaining(ind, a);
          const db = remaining(ind, b);
          if (da < db) towards.push({ pledge: p, indicator: ind, before: b, after: a });
          else if (da > db) away.push({ pledge: p, indicator: ind, before: b, after: a });
        }
      }
    }
    const run = withoutValidatedUpdate(index, p, cycle, history);
    if (run.cycles >= 2) noValidatedUpdate.push({ pledge: p, ...run });
    if (p.targetDate < cycle.periodEnd && now !== 'achieved') pastTarget.push({ pledge: p, status: now });
  }
  noValidatedUpdate.sort((a, b) => b.cycles - a.cycles || byReference(a.pledge, b.pledge));
  const stoppedReporting = previous
    ? [...previous.reportingStates].filter((id) => !current.reportingStates.has(id))
      .sort((a, b) => compareText(index.organisationName(a), index.organisationName(b)) || compareText(a, b))
    : [];
  return { current, previous, newly, towards, away, warnings: { noValidatedUpdate, pastTarget, stoppedReporting } };
}

/** The framework's themes and actionable commitments, as the adoption rule takes them. */
export function adoptionFramework(index: DatasetIndex): AdoptionFramework {
  const themes = index.themeList();
  return { themes: themes.map((t) => t.number), commitments: themes.flatMap((t) => t.commitments.map((c) => c.code)) };
}

/** A State's adoption in a cycle: its led pledges of the cycle's population, each with or without a validated update there. */
export function stateAdoption(
  index: DatasetIndex, organisationId: string, cycle: CycleInput, framework = adoptionFramework(index),
  led: PledgeInput[] = index.data.pledges.filter((p) => p.leadOrganisationId === organisationId),
): ThemeAdoption {
  const pledges = led
    .filter((p) => index.isExpected(p, cycle))
    .map((p) => ({ themes: p.themes, commitments: p.commitments, validated: index.validatedUpdate(p.id, cycle.code) !== null }));
  return themeAdoption(pledges, framework);
}

export interface AdoptionCount {
  cycle: CycleInput;
  statesWithPledges: number;
  allThemes: number;
  majority: number;
  adopted: number;
  adoptedReported: number;
}

/** How many States with pledges owing an update in the cycle address all themes, a majority of commitments, both. */
export function adoptionCount(index: DatasetIndex, cycle: CycleInput, framework = adoptionFramework(index)): AdoptionCount {
  const led = new Map<string, PledgeInput[]>();
  for (const p of index.data.pledges) {
    if (!index.isState(p.leadOrganisationId) || !index.isExpected(p, cycle)) continue;
    (led.get(p.leadOrganisationId) ?? led.set(p.leadOrganisationId, []).get(p.leadOrganisationId)!).push(p);
  }
  const count: AdoptionCount = { cycle, statesWithPledges: led.size, allThemes: 0, majority: 0, adopted: 0, adoptedReported: 0 };
  for (const [id, pledges] of led) {
    const a = stateAdoption(index, id, cycle, framework, pledges);
    if (a.pledged.allThemes) count.allThemes++;
    if (a.pledged.majority) count.majority++;
    if (a.pledged.adopted) count.adopted++;
    if (a.reported.adopted) count.adoptedReported++;
  }
  return count;
}
