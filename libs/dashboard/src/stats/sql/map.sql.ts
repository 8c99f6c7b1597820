import { CYCLE_JSON, cycleCte, inPopulation, PUBLIC_NOW, StatsQuery } from './fragments';

/**
 * Every UN Member and observer State: public pledges it leads, public pledges
 * whose scope names it, and its reporting status in the cycle (default: the
 * current one): reported (≥1 submitted or validated update on a pledge it
 * leads), not_reported (it led public pledges in the cycle's population but
 * reported on none), no_pledges.
 */
export function mapSql(cycle: string | null): StatsQuery {
  return {
    text: `WITH ${cycleCte('$1')},
      led AS (SELECT p.lead_country AS alpha3, count(*) FILTER (WHERE ${PUBLIC_NOW()})::int AS n,
          count(*) FILTER (WHERE ${inPopulation('cyc')})::int AS by_cycle
        FROM stats_pledge p LEFT JOIN cyc ON true WHERE p.lead_country IS NOT NULL GROUP BY 1),
      concerning AS (SELECT u.alpha3, count(*)::int AS n FROM stats_pledge p CROSS JOIN unnest(p.countries) AS u(alpha3)
        WHERE ${PUBLIC_NOW()} GROUP BY 1),
      reported AS (SELECT DISTINCT p.lead_country AS alpha3 FROM stats_update u JOIN stats_pledge p ON p.pledge_id = u.pledge_id
        JOIN cyc ON cyc.id = u.cycle_id WHERE p.lead_country IS NOT NULL AND ${inPopulation('cyc')})
      SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM cyc)) AS found, json_build_object(
        'cycle', ${CYCLE_JSON},
        'countries', (SELECT json_agg(json_build_object('alpha3', c.alpha3, 'alpha2', c.alpha2, 'name', c.name, 'region', c.region_m49,
            'pledges', coalesce(l.n, 0), 'concerning', coalesce(k.n, 0),
            'reporting', CASE WHEN coalesce(l.by_cycle, 0) = 0 THEN 'no_pledges' WHEN r.alpha3 IS NOT NULL THEN 'reported' ELSE 'not_reported' END)
          ORDER BY c.alpha3)
          FROM country c LEFT JOIN led l ON l.alpha3 = c.alpha3 LEFT JOIN concerning k ON k.alpha3 = c.alpha3
          LEFT JOIN reported r ON r.alpha3 = c.alpha3)
      )::text AS body`,
    values: [cycle],
  };
}
