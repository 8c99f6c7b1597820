import type { ImplementationStatus, IndicatorDirection } from '@gcm/pledges';

/**
 * Plausibility checks of a progress update: warnings, never blocking, the
 * one rule set the focal point sees before submitting and the secretariat
 * when reviewing (the update's `warnings`, the workbench's rows).
 */
export const PLAUSIBILITY_CODES = [
  'achieved_below_target', 'complete_not_achieved', 'against_direction', 'not_started_after_target', 'percent_dropped',
  'evidence_link_unanswered',
] as const;
export type PlausibilityCode = (typeof PLAUSIBILITY_CODES)[number];

export interface PlausibilityWarning {
  code: PlausibilityCode;
  message: string;
  /** The indicator concerned, when there is one. */
  indicatorId: string | null;
}

export interface PlausibilityInput {
  status: ImplementationStatus;
  percentComplete: number;
  /** The pledge's target date (YYYY-MM-DD), if any. */
  pledgeTargetDate: string | null;
  /** The end of the cycle's period: "after the target date" is judged at it. */
  periodEnd: string;
  indicators: { id: string; name: string; direction: IndicatorDirection; baselineValue: number; targetValue: number }[];
  measurements: { indicatorId: string; value: number; asOf: string }[];
  previous: { percentComplete: number; measurements: { indicatorId: string; value: number; asOf: string }[] } | null;
  /** The update's evidence links with their last check's outcome (null: not checked yet), as the link-check job recorded it. */
  links: { title: string; url: string; linkOutcome: string | null }[];
}

const latest = (list: PlausibilityInput['measurements'], id: string) =>
  list.filter((m) => m.indicatorId === id).sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0)).at(-1);

/** Reached: at or beyond the target in the indicator's direction (maintain: not below the baseline). */
function reached(direction: IndicatorDirection, value: number, target: number, baseline: number): boolean {
  if (direction === 'increase') return value >= target;
  if (direction === 'decrease') return value <= target;
  return value >= Math.min(target, baseline);
}

export function plausibilityWarnings(u: PlausibilityInput): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  for (const ind of u.indicators) {
    const now = latest(u.measurements, ind.id);
    if (u.status === 'achieved' && now && !reached(ind.direction, now.value, ind.targetValue, ind.baselineValue)) {
      out.push({ code: 'achieved_below_target', indicatorId: ind.id, message: `Reported as achieved, but "${ind.name}" is at ${now.value}, short of its target of ${ind.targetValue}` });
    }
    const before = u.previous ? latest(u.previous.measurements, ind.id) : undefined;
    if (now && before && ind.direction !== 'maintain') {
      const against = ind.direction === 'increase' ? now.value < before.value : now.value > before.value;
      if (against) {
        out.push({
          code: 'against_direction', indicatorId: ind.id,
          message: `"${ind.name}" should ${ind.direction} but moved from ${before.value} to ${now.value} since last cycle`,
        });
      }
    }
  }
  if (u.percentComplete === 100 && u.status !== 'achieved') {
    out.push({ code: 'complete_not_achieved', indicatorId: null, message: `100 % complete, but the status is not "achieved"` });
  }
  if (u.status === 'not_started' && u.pledgeTargetDate && u.pledgeTargetDate < u.periodEnd) {
    out.push({ code: 'not_started_after_target', indicatorId: null, message: `"Not started" although the pledge's target date (${u.pledgeTargetDate}) has passed` });
  }
  if (u.previous && u.percentComplete < u.previous.percentComplete) {
    out.push({ code: 'percent_dropped', indicatorId: null, message: `Percent complete fell from ${u.previous.percentComplete} % last cycle to ${u.percentComplete} %` });
  }
  for (const link of u.links) {
    if (link.linkOutcome && link.linkOutcome !== 'ok') {
      out.push({ code: 'evidence_link_unanswered', indicatorId: null, message: `The evidence link "${link.title}" (${link.url}) does not answer` });
    }
  }
  return out;
}
