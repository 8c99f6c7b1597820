import type { CycleCadence } from '../config/reporting-config';

export interface CyclePlan {
  code: string;
  periodStart: string;
  periodEnd: string;
  windowOpens: string;
  deadline: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Last day of the month `month0` (0-based) of `year`. */
const monthEnd = (year: number, month0: number) => iso(new Date(Date.UTC(year, month0 + 1, 0)));
const monthStart = (year: number, month0: number) => iso(new Date(Date.UTC(year, month0, 1)));

/** Submission window opens the day after the period and closes `deadlineDays` after it. */
export function planCycle(code: string, periodStart: string, periodEnd: string, deadlineDays: number): CyclePlan {
  return { code, periodStart, periodEnd, windowOpens: addDays(periodEnd, 1), deadline: addDays(periodEnd, deadlineDays) };
}

/** The cycles of a year under a cadence, e.g. 2026-H1 (1 Jan–30 Jun) and 2026-H2 (1 Jul–31 Dec). */
export function cyclesOfYear(year: number, cadence: CycleCadence, deadlineDays: number): CyclePlan[] {
  const parts = cadence === 'half-year' ? 2 : cadence === 'quarter' ? 4 : 1;
  const months = 12 / parts;
  return Array.from({ length: parts }, (_, i) => {
    const code = cadence === 'half-year' ? `${year}-H${i + 1}` : cadence === 'quarter' ? `${year}-Q${i + 1}` : `${year}`;
    return planCycle(code, monthStart(year, i * months), monthEnd(year, i * months + months - 1), deadlineDays);
  });
}

/** Whole days from `today` until the end of the deadline day (negative once it has passed). */
export function daysLeft(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
