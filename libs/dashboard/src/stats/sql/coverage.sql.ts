import { PUB_CTE, REGION_LIST, StatsQuery } from './fragments';

/**
 * Regions × the 23 objectives: public pledges addressing each objective (any
 * alignment) that concern each region, counted in one pass over the read
 * model. Each row carries its counts in objective order, so the matrix is a
 * table as printed.
 */
export function coverageSql(): StatsQuery {
  return {
    text: `WITH ${PUB_CTE}, cells AS MATERIALIZED (
        SELECT r.region, o.number, count(*)::int AS n
        FROM pub p CROSS JOIN unnest(p.regions) AS r(region) CROSS JOIN unnest(p.objectives) AS o(number)
        GROUP BY 1, 2),
      region_totals AS (SELECT r.region, count(*)::int AS n FROM pub p CROSS JOIN unnest(p.regions) AS r(region) GROUP BY 1),
      objective_totals AS (SELECT o.number, count(*)::int AS n FROM pub p CROSS JOIN unnest(p.objectives) AS o(number) GROUP BY 1),
      grid AS (
        SELECT r.code, r.name, r.ord, json_agg(coalesce(c.n, 0) ORDER BY o.number) AS counts
        FROM ${REGION_LIST} r CROSS JOIN objective o LEFT JOIN cells c ON c.region = r.code AND c.number = o.number
        GROUP BY r.code, r.name, r.ord)
      SELECT true AS found, json_build_object(
        'total', (SELECT count(*)::int FROM pub),
        'objectives', (SELECT json_agg(json_build_object('number', o.number, 'label', o.short_label,
            'pledges', coalesce(t.n, 0)) ORDER BY o.number)
          FROM objective o LEFT JOIN objective_totals t ON t.number = o.number),
        'regions', (SELECT json_agg(json_build_object('code', g.code, 'name', g.name, 'pledges', coalesce(rt.n, 0),
            'counts', g.counts) ORDER BY g.ord)
          FROM grid g LEFT JOIN region_totals rt ON rt.region = g.code)
      )::text AS body`,
    values: [],
  };
}
