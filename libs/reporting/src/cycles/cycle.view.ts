export type { CycleView } from '../reporting.view';

/** Dates as `YYYY-MM-DD` strings: pg would turn a date column into a local-time Date. */
export const CYCLE_COLUMNS = `c.id, c.code, to_char(c.period_start, 'YYYY-MM-DD') AS "periodStart",
  to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd", to_char(c.window_opens, 'YYYY-MM-DD') AS "windowOpens",
  to_char(c.deadline, 'YYYY-MM-DD') AS "deadline", c.status, c.version, c.opened_at AS "openedAt",
  c.closed_at AS "closedAt", c.compiled_at AS "compiledAt"`;
