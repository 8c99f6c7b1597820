import { PLEDGE_REGIONS, PUB_CTE, REGION_LIST, StatsQuery } from './fragments';
import { StatsMessageKey, englishLabel } from '../stats-localise';

export const DIMENSIONS = ['objective', 'theme', 'region', 'pledger-kind', 'form'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type CountMode = 'primary' | 'all';

export const PLEDGER_KINDS = ['state', 'un_entity', 'civil_society', 'private_sector', 'academia', 'local_authority', 'other'];
export const PLEDGE_FORMS = ['policy', 'financial', 'technical', 'process'];

/** English labels, from the stats message catalogue (StatsLocaliser answers the other languages). */
const labelsOf = (keys: string[], prefix: 'kind' | 'form'): Record<string, string> =>
  Object.fromEntries(keys.map((k) => [k, englishLabel(`${prefix}_${k}` as StatsMessageKey)]));
const KIND_LABELS = labelsOf(PLEDGER_KINDS, 'kind');
const FORM_LABELS = labelsOf(PLEDGE_FORMS, 'form');

const labelled = (labels: Record<string, string>) =>
  `(SELECT key, label, ord FROM unnest(ARRAY[${Object.keys(labels).map((k) => `'${k}'`).join(',')}],
    ARRAY[${Object.values(labels).map((l) => `'${l}'`).join(',')}]) WITH ORDINALITY AS t(key, label, ord))`;

/**
 * Per dimension: the categories (all of them, zeros included) in catalogue
 * order and the public pledges in each. Objectives and themes count a pledge
 * once, under its primary one, unless mode is `all`; regions count a pledge in
 * every region it concerns.
 */
const ITEMS: Record<Dimension, (mode: CountMode) => string> = {
  objective: (mode) => `SELECT o.number AS key, o.short_label AS label, o.title, coalesce(x.n, 0) AS pledges, o.number AS ord
    FROM objective o LEFT JOIN (
      ${mode === 'primary'
        ? 'SELECT primary_objective AS number, count(*)::int AS n FROM pub GROUP BY 1'
        : 'SELECT u.number, count(*)::int AS n FROM pub CROSS JOIN unnest(pub.objectives) AS u(number) GROUP BY 1'}
    ) x ON x.number = o.number`,
  theme: (mode) => `SELECT t.code AS key, t.title AS label, t.title, coalesce(x.n, 0) AS pledges, t.number AS ord
    FROM theme t LEFT JOIN (
      ${mode === 'primary'
        ? 'SELECT primary_theme AS number, count(*)::int AS n FROM pub GROUP BY 1'
        : 'SELECT u.number, count(*)::int AS n FROM pub CROSS JOIN unnest(pub.themes) AS u(number) GROUP BY 1'}
    ) x ON x.number = t.number`,
  region: () => `SELECT r.code AS key, r.name AS label, r.name AS title, coalesce(x.n, 0) AS pledges, r.ord
    FROM ${REGION_LIST} r LEFT JOIN (SELECT region, count(*)::int AS n FROM preg GROUP BY 1) x ON x.region = r.code`,
  'pledger-kind': () => `SELECT k.key, k.label, k.label AS title, coalesce(x.n, 0) AS pledges, coalesce(x.orgs, 0) AS pledgers, k.ord
    FROM ${labelled(KIND_LABELS)} k LEFT JOIN (
      SELECT lead_kind, count(*)::int AS n, count(DISTINCT lead_organisation_id)::int AS orgs FROM pub GROUP BY 1) x ON x.lead_kind = k.key`,
  form: () => `SELECT f.key, f.label, f.label AS title, coalesce(x.n, 0) AS pledges, f.ord
    FROM ${labelled(FORM_LABELS)} f LEFT JOIN (SELECT form, count(*)::int AS n FROM pub GROUP BY 1) x ON x.form = f.key`,
};

export function pledgesBySql(dimension: Dimension, mode: CountMode): StatsQuery {
  const regions = dimension === 'region' ? `, ${PLEDGE_REGIONS}` : '';
  return {
    text: `WITH ${PUB_CTE}${regions}, items AS (${ITEMS[dimension](mode)})
      SELECT true AS found, json_build_object(
        'dimension', $1::text,
        'count', $2::text,
        'total', (SELECT count(*)::int FROM pub),
        'items', (SELECT json_agg(to_jsonb(i) - 'ord' ORDER BY i.ord) FROM items i)
      )::text AS body`,
    values: [dimension, mode],
  };
}
