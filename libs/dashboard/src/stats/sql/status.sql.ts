import { CYCLE_JSON, cycleCte, inPopulation, PUBLIC_NOW, StatsQuery, statusAsOf, STATUS_LIST, STATUS_ORDER } from './fragments';

/**
 * Per cycle in `cycles` (opened cycles only): the implementation status of
 * every pledge of the cycle's population (see inPopulation), carried forward
 * from its latest validated update; pledges that never had one are not_started.
 */
const PER_CYCLE = `
  pop AS (SELECT cy.id AS cycle_id, cy.period_start, p.pledge_id FROM cycles cy JOIN stats_pledge p ON ${inPopulation('cy')}),
  counted AS (
    SELECT pop.cycle_id, coalesce(v.status, 'not_started') AS status, count(*)::int AS n
    FROM pop LEFT JOIN stats_update v ON v.pledge_id = pop.pledge_id AND ${statusAsOf('v', 'pop')}
    GROUP BY 1, 2),
  -- Not through pop: a second reference would materialise it (every pledge × cycle) instead of inlining it.
  reported AS (
    SELECT u.cycle_id, count(*)::int AS n FROM stats_update u JOIN cycles cy ON cy.id = u.cycle_id JOIN stats_pledge p ON p.pledge_id = u.pledge_id
    WHERE u.editorial_status = 'validated' AND ${inPopulation('cy')} GROUP BY 1),
  per_cycle AS (
    SELECT cy.code, cy.status AS cycle_status, cy.period_start, cy.period_end,
      coalesce((SELECT sum(n) FROM counted c WHERE c.cycle_id = cy.id), 0)::int AS total,
      coalesce((SELECT n FROM reported r WHERE r.cycle_id = cy.id), 0) AS reported,
      (SELECT json_agg(json_build_object('status', sl.s, 'pledges', coalesce(c.n, 0)) ORDER BY sl.ord)
        FROM ${STATUS_LIST} sl LEFT JOIN counted c ON c.cycle_id = cy.id AND c.status = sl.s) AS statuses
    FROM cycles cy)`;

/** Status distribution in one cycle (default: the current one); with no cycle yet, every public pledge is not_started. */
export function statusSql(cycle: string | null): StatsQuery {
  return {
    text: `WITH ${cycleCte('$1')}, cycles AS (SELECT * FROM cyc), ${PER_CYCLE}
      SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM cyc)) AS found, json_build_object(
        'cycle', ${CYCLE_JSON},
        'total', coalesce(pc.total, all_p.n),
        'reportedInCycle', coalesce(pc.reported, 0),
        'statuses', coalesce(pc.statuses, (SELECT json_agg(json_build_object('status', sl.s,
          'pledges', CASE WHEN sl.s = 'not_started' THEN all_p.n ELSE 0 END) ORDER BY sl.ord) FROM ${STATUS_LIST} sl))
      )::text AS body
      FROM (SELECT count(*)::int AS n FROM stats_pledge p WHERE ${PUBLIC_NOW()}) all_p LEFT JOIN per_cycle pc ON true`,
    values: [cycle],
  };
}

/** The status distribution of every opened cycle, oldest first: the cycle-over-cycle trend. */
export function statusTrendSql(): StatsQuery {
  return {
    text: `WITH cycles AS (
        SELECT id, code, status, period_start, period_end, deadline, closed_at FROM reporting_cycle WHERE status <> 'scheduled'),
      ${PER_CYCLE}
      SELECT true AS found, json_build_object(
        'statuses', to_json(ARRAY['${STATUS_ORDER.join("','")}']),
        'cycles', coalesce((SELECT json_agg(json_build_object('code', code, 'status', cycle_status, 'periodStart', period_start,
          'periodEnd', period_end, 'total', total, 'reportedInCycle', reported, 'statuses', statuses) ORDER BY period_start) FROM per_cycle), '[]')
      )::text AS body`,
    values: [],
  };
}
