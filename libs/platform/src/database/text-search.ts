import { currentLocale } from '../i18n/request-locale';
import { isLocale, type Locale } from '../pure/locales';

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

/**
 * `locale` is the interface's language (the request's, by default): the query
 * is matched under its text-search configuration too, besides English, the
 * Russian and Arabic scripts, the simple unaccented form and Han bigrams
 * (`gcm_search_query_in`, migration I18nContentAndSearch), so a search finds
 * content in any of the six by its words. It is one of the six constants,
 * never user text.
 */
export function textSearchSql(column: string, placeholder: string, locale: Locale = currentLocale()): TextSearchSql {
  const query = `(SELECT gcm_search_query_in(${placeholder}, '${isLocale(locale) ? locale : 'en'}'))`;
  const english = `(SELECT gcm_search_query(${placeholder}))`;
  // A document the English query finds ranks by it alone, as before the other languages were added (so "child" and
  // "children" still rank alike); one found only in another language's forms ranks by the whole query.
  return {
    where: `${column} @@ ${query}`,
    rank: `CASE WHEN ${column} @@ ${english} THEN ts_rank(${column}, ${english}) ELSE ts_rank(${column}, ${query}) END`,
  };
}
