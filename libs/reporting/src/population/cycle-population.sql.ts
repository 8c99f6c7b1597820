/**
 * The cycle population, as SQL every lib can use. The rule itself lives in
 * the database (the cycle-population migration), so SQL readers cannot drift
 * from it; these are only the names and the call shape.
 *
 * - `pledge_owes_update(first_published_at, withdrawn_at, cycle_status,
 *   period_start, closed_at)`: a pledge owes an update in a cycle when it was
 *   public at any time between the period start and the close (a cycle not
 *   closed: up to now). Inlined by the planner, so it is free inside the
 *   dashboard aggregates.
 * - `cycle_pledge_population(cycle_id)`: (pledge_id, lead_organisation_id)
 *   of every pledge owing the cycle an update, from the pledge table.
 * - `cycle_counted_update`: updates that count as reported (submitted or
 *   validated, on a pledge of the population); `validated` says whether its
 *   content and status may be published.
 *
 * The report builders keep an in-memory copy (DatasetIndex.isExpected),
 * pinned to these by test/e2e/cycle-population.e2e-spec.ts.
 */

/** `pledge_owes_update(…)` for a pledge row (`first_published_at`, `withdrawn_at`) and a cycle row (`status`, `period_start`, `closed_at`). */
export function owesUpdateSql(pledge: string, cycle: string): string {
  return `pledge_owes_update(${pledge}.first_published_at, ${pledge}.withdrawn_at, ${cycle}.status, ${cycle}.period_start, ${cycle}.closed_at)`;
}

/** `cycle_pledge_population(<cycle id expression>)`, a set of (pledge_id, lead_organisation_id). */
export function cyclePopulationSql(cycleId: string): string {
  return `cycle_pledge_population(${cycleId})`;
}

/** The view of updates that count as reported in their cycle. */
export const COUNTED_UPDATES = 'cycle_counted_update';

/**
 * `organisation_deadline(cycle, organisation)`: the last on-time day (UTC, inclusive) for that organisation —
 * its granted extension's date, else the cycle's deadline (deadline-extension migration).
 */
export function organisationDeadlineSql(cycleId: string, organisationId: string): string {
  return `organisation_deadline(${cycleId}, ${organisationId})`;
}

const endOfDay = (date: string) => `((${date}) + 1)::timestamp AT TIME ZONE 'UTC'`;
const leadOf = (pledgeId: string) => `(SELECT lead_organisation_id FROM pledge WHERE id = ${pledgeId})`;

/** Late: `at` (a timestamptz) is after the end of the organisation's deadline day (UTC). */
export function isLateSql(at: string, cycleId: string, pledgeId: string): string {
  return `(${at} >= ${endOfDay(organisationDeadlineSql(cycleId, leadOf(pledgeId)))})`;
}

/** Included after extension: after the cycle's own deadline day, yet on time under the organisation's extension. */
export function afterExtensionSql(at: string, cycleId: string, pledgeId: string): string {
  return `(${at} >= ${endOfDay(`(SELECT deadline FROM reporting_cycle WHERE id = ${cycleId})`)} AND NOT ${isLateSql(at, cycleId, pledgeId)})`;
}
