import { PLEDGE_REGIONS, PUB_CTE, REGION_LIST, StatsQuery } from './fragments';

/**
 * Regions × the 23 objectives: public pledges addressing each objective (any
 * alignment) that concern each region. Each row carries its counts in
 * objective order, so the matrix is a table as printed.
 */
export function coverageSql(): StatsQuery {
  return {
    text: `WITH ${PUB_CTE}, ${PLEDGE_REGIONS},
      pobj AS (SELECT p.pledge_id, o.number FROM pub p CROSS JOIN unnest(p.objectives) AS o(number)),
      cells AS (SELECT r.region, o.number, count(*)::int AS n FROM preg r JOIN pobj o USING (pledge_id) GROUP BY 1, 2),
      region_totals AS (SELECT region, count(*)::int AS n FROM preg GROUP BY 1),
      objective_totals AS (SELECT number, count(*)::int AS n FROM pobj GROUP BY 1)
      SELECT true AS found, json_build_object(
        'total', (SELECT count(*)::int FROM pub),
        'objectives', (SELECT json_agg(json_build_object('number', o.number, 'label', o.short_label,
            'pledges', coalesce(t.n, 0)) ORDER BY o.number)
          FROM objective o LEFT JOIN objective_totals t ON t.number = o.number),
        'regions', (SELECT json_agg(json_build_object('code', r.code, 'name', r.name, 'pledges', coalesce(rt.n, 0),
            'counts', (SELECT json_agg(coalesce(c.n, 0) ORDER BY o.number) FROM objective o
              LEFT JOIN cells c ON c.region = r.code AND c.number = o.number)) ORDER BY r.ord)
          FROM ${REGION_LIST} r LEFT JOIN region_totals rt ON rt.region = r.code)
      )::text AS body`,
    values: [],
  };
}
