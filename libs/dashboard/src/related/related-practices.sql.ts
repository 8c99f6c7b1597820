import type { StatsQuery } from '../stats/sql/fragments';

/**
 * Practice cards related to a public pledge, best first: cards whose dialogue
 * session quotes more of the pledge's objectives come first; within that,
 * text similarity ranks them — ts_rank of the card's search vector against
 * the pledge's own lexemes (title and description: weights A and B, not the
 * organisation names at C) OR-ed into one query.
 * Cards sharing no objective are listed only when their text matches.
 */
export function relatedPracticesSql(reference: string, limit: number): StatsQuery {
  return {
    text: `WITH pl AS (
        SELECT p.id, p.reference,
          ARRAY(SELECT x.objective_number FROM pledge_objective x WHERE x.pledge_id = p.id ORDER BY 1) AS objectives,
          (SELECT string_agg(quote_literal(l), ' | ') FROM unnest(tsvector_to_array(ts_filter(p.search, '{a,b}'))) AS l)::tsquery AS query
        FROM pledge p WHERE p.reference = $1 AND p.published_version IS NOT NULL),
      ranked AS (
        SELECT pr.code, pr.title, pr.organisation, s.code AS session_code, s.title AS session_title,
          ARRAY(SELECT o.objective_number FROM practice_session_objective o
            WHERE o.session_number = pr.session_number AND o.objective_number = ANY (pl.objectives) ORDER BY 1) AS shared,
          coalesce(ts_rank(pr.search, pl.query), 0) AS rank,
          coalesce(pr.search @@ pl.query, false) AS text_match
        FROM pl CROSS JOIN practice pr JOIN practice_session s ON s.number = pr.session_number)
      SELECT EXISTS (SELECT 1 FROM pl) AS found, json_build_object(
        'reference', (SELECT reference FROM pl),
        'items', coalesce((SELECT json_agg(json_build_object('code', r.code, 'title', r.title, 'organisation', r.organisation,
            'sessionCode', r.session_code, 'sessionTitle', r.session_title, 'sharedObjectives', r.shared,
            'textScore', round(r.rank::numeric, 4)) ORDER BY cardinality(r.shared) DESC, r.rank DESC, string_to_array(r.code, '.')::int[])
          FROM (SELECT * FROM ranked WHERE cardinality(shared) > 0 OR text_match
            ORDER BY cardinality(shared) DESC, rank DESC, string_to_array(code, '.')::int[] LIMIT $2) r), '[]')
      )::text AS body`,
    values: [reference, limit],
  };
}
