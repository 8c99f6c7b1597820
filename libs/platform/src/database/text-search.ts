/**
 * The one full-text search of pledges and practices, over a trigger-kept
 * `tsvector` column with a GIN index. The SQL function `gcm_search_query`
 * (migration SearchAsPeopleType) turns what a person typed into a tsquery:
 * accents folded, slashes and hyphens split, irregular plurals and demonyms
 * joined, the last word matched as a prefix while it is being typed. The
 * user's text is only ever the bound parameter `placeholder`.
 *
 * The query sits in a scalar subquery so PostgreSQL computes it once per
 * statement (an InitPlan) rather than once per ranked row, and the bare
 * column stays on the left of `@@`, which is what the GIN index matches.
 */
export interface TextSearchSql {
  /** `column @@ query`: the filter, served by the GIN index on `column`. */
  where: string;
  /** `ts_rank(column, query)`: relevance, for ORDER BY … DESC. */
  rank: string;
}

export function textSearchSql(column: string, placeholder: string): TextSearchSql {
  const query = `(SELECT gcm_search_query(${placeholder}))`;
  return { where: `${column} @@ ${query}`, rank: `ts_rank(${column}, ${query})` };
}
