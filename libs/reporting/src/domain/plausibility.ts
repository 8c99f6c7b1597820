import { formatMessage, SOURCE_LOCALE, type Locale } from '@gcm/platform/pure';
import type { ImplementationStatus, IndicatorDirection } from '@gcm/pledges';
import { PLAUSIBILITY_MESSAGES } from '../i18n/plausibility-messages';

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
  /** Stable: clients render the warning from it (and `values`) in their own language. */
  code: PlausibilityCode;
  /** The warning in the request's language (PLAUSIBILITY_MESSAGES[code] filled with `values`). */
  message: string;
  /** The placeholders of the code's message (indicator name, values, percents, date, link); empty when it has none. */
  values: Record<string, string | number>;
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

/** The checks of `u`, each warning's message in `locale` (callers pass the request's, `currentLocale()`). */
export function plausibilityWarnings(u: PlausibilityInput, locale: Locale = SOURCE_LOCALE): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  const warn = (code: PlausibilityCode, indicatorId: string | null, values: Record<string, string | number> = {}) =>
    out.push({ code, indicatorId, values, message: formatMessage(PLAUSIBILITY_MESSAGES, locale, code, values) });
  for (const ind of u.indicators) {
    const now = latest(u.measurements, ind.id);
    if (u.status === 'achieved' && now && !reached(ind.direction, now.value, ind.targetValue, ind.baselineValue)) {
      warn('achieved_below_target', ind.id, { name: ind.name, value: now.value, target: ind.targetValue });
    }
    const before = u.previous ? latest(u.previous.measurements, ind.id) : undefined;
    if (now && before && ind.direction !== 'maintain') {
      const against = ind.direction === 'increase' ? now.value < before.value : now.value > before.value;
      if (against) {
        warn('against_direction', ind.id, { name: ind.name, direction: ind.direction, from: before.value, to: now.value });
      }
    }
  }
  if (u.percentComplete === 100 && u.status !== 'achieved') {
    warn('complete_not_achieved', null);
  }
  if (u.status === 'not_started' && u.pledgeTargetDate && u.pledgeTargetDate < u.periodEnd) {
    warn('not_started_after_target', null, { date: u.pledgeTargetDate });
  }
  if (u.previous && u.percentComplete < u.previous.percentComplete) {
    warn('percent_dropped', null, { from: u.previous.percentComplete, to: u.percentComplete });
  }
  for (const link of u.links) {
    if (link.linkOutcome && link.linkOutcome !== 'ok') {
      warn('evidence_link_unanswered', null, { title: link.title, url: link.url });
    }
  }
  return out;
}
