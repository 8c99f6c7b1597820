import { CYCLE_JSON, cycleCte, inPopulation, StatsQuery, statusAsOf } from './fragments';

/**
 * Headline numbers for a cycle (default: the current one): the pledges owing
 * it an update (the cycle population, libs/reporting) and their pledgers,
 * States with a counted (submitted or validated) update on one of them, and
 * the share of those pledges whose latest validated update, as of the cycle,
 * says achieved. The IMRF summary of the cycle gives the same figures.
 */
export function headlineSql(cycle: string | null): StatsQuery {
  return {
    text: `WITH ${cycleCte('$1')},
      pop AS (SELECT p.pledge_id, p.lead_organisation_id, p.lead_kind FROM stats_pledge p LEFT JOIN cyc ON true WHERE ${inPopulation('cyc')}),
      -- Grouping by organisation first (a hash) is far cheaper than count(DISTINCT …) (a sort of every pledge).
      orgs AS (SELECT lead_organisation_id, lead_kind, count(*) AS n FROM pop GROUP BY 1, 2),
      totals AS (
        SELECT coalesce(sum(n), 0)::int AS pledges, count(*)::int AS pledgers, count(*) FILTER (WHERE lead_kind = 'state')::int AS states
        FROM orgs),
      reporting AS (
        SELECT count(*)::int AS n FROM (
          SELECT DISTINCT p.lead_organisation_id
          FROM (SELECT DISTINCT pledge_id FROM stats_update WHERE cycle_id = (SELECT id FROM cyc)) u
          JOIN pop p ON p.pledge_id = u.pledge_id WHERE p.lead_kind = 'state') r),
      achieved AS (
        SELECT count(*)::int AS n FROM stats_update v JOIN pop p ON p.pledge_id = v.pledge_id CROSS JOIN cyc
        WHERE ${statusAsOf('v', 'cyc')} AND v.status = 'achieved')
      SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM cyc)) AS found, json_build_object(
        'cycle', ${CYCLE_JSON},
        'pledges', t.pledges,
        'pledgers', t.pledgers,
        'statesPledging', t.states,
        'statesReporting', r.n,
        'reportingRate', CASE WHEN t.states > 0 THEN round(r.n::numeric / t.states, 4) END,
        'achieved', a.n,
        'shareAchieved', CASE WHEN t.pledges > 0 THEN round(a.n::numeric / t.pledges, 4) END
      )::text AS body
      FROM totals t, reporting r, achieved a`,
    values: [cycle],
  };
}
