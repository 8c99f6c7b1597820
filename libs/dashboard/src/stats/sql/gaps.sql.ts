import { PUB_CTE, StatsQuery } from './fragments';

/**
 * Objectives, ICMPD themes and SG recommendations addressed by fewer than
 * `threshold` public pledges (any alignment counts: a pledge that touches an
 * objective at all means it is not a blank), fewest first.
 */
export function gapsSql(threshold: number): StatsQuery {
  const counts = (column: string) => `SELECT u.k, count(*)::int AS n FROM pub CROSS JOIN unnest(pub.${column}) AS u(k) GROUP BY 1`;
  return {
    text: `WITH ${PUB_CTE},
      objectives AS (
        SELECT o.number, o.short_label AS label, o.title, coalesce(x.n, 0) AS pledges
        FROM objective o LEFT JOIN (${counts('objectives')}) x ON x.k = o.number),
      themes AS (
        SELECT t.number, t.code, t.title, coalesce(x.n, 0) AS pledges
        FROM theme t LEFT JOIN (${counts('themes')}) x ON x.k = t.number),
      recommendations AS (
        SELECT r.paragraph, r.short_title AS "shortTitle", r.objective_numbers AS objectives, coalesce(x.n, 0) AS pledges
        FROM recommendation r LEFT JOIN (${counts('recommendations')}) x ON x.k = r.paragraph)
      SELECT true AS found, json_build_object(
        'threshold', $1::int,
        'total', (SELECT count(*)::int FROM pub),
        'objectives', coalesce((SELECT json_agg(x ORDER BY x.pledges, x.number) FROM objectives x WHERE x.pledges < $1), '[]'),
        'themes', coalesce((SELECT json_agg(x ORDER BY x.pledges, x.number) FROM themes x WHERE x.pledges < $1), '[]'),
        'recommendations', coalesce((SELECT json_agg(x ORDER BY x.pledges, x.paragraph) FROM recommendations x WHERE x.pledges < $1), '[]')
      )::text AS body`,
    values: [threshold],
  };
}
