import { owesUpdateSql } from '@gcm/reporting';

/**
 * SQL shared by the public aggregates. Every query returns one row whose
 * `body` column is the finished JSON document (built by PostgreSQL), so the
 * API passes text through without parsing or re-serialising it; `found` is
 * false when a named cycle, objective or country does not exist.
 *
 * They read the read model `stats_pledge` (one narrow row per published
 * pledge, withdrawn ones marked by `withdrawn_at`, with its alignments and
 * derived regions as arrays) and `stats_update` (submitted and validated
 * progress updates), which triggers keep current in the transaction of every
 * write to the source tables (see the stats-read-model migration). An unpublished pledge has no
 * row there, so it cannot count anywhere.
 */
export interface StatsQuery {
  text: string;
  values: unknown[];
}

/** The cycle named by `param`, or else the current one: the open cycle, or failing that the latest that has opened. */
export function cycleCte(param: string): string {
  return `cyc AS (
    SELECT c.id, c.code, c.status, c.period_start, c.period_end, c.deadline, c.closed_at FROM reporting_cycle c
    WHERE CASE WHEN ${param}::text IS NULL
      THEN c.id = (SELECT id FROM reporting_cycle WHERE status <> 'scheduled' ORDER BY status = 'open' DESC, period_start DESC LIMIT 1)
      ELSE c.code = ${param}::text END)`;
}

export const CYCLE_JSON = `(SELECT json_build_object('code', code, 'status', status, 'periodStart', period_start,
  'periodEnd', period_end, 'deadline', deadline) FROM cyc)`;

/**
 * Pledges of a cycle's population (pledges owing it an update: the rule is
 * the database's pledge_owes_update, owned by libs/reporting), on a
 * stats_pledge row `pledgeAlias` (withdrawn pledges included) and a cycle row
 * `cycleAlias` with `status`, `period_start` and `closed_at`. With no cycle at
 * all (a LEFT JOIN that found none), every pledge public now.
 */
export function inPopulation(cycleAlias: string, pledgeAlias = 'p'): string {
  return owesUpdateSql(pledgeAlias, cycleAlias);
}

/** stats_pledge keeps withdrawn pledges for the cycle populations; "public now" leaves them out. */
export const PUBLIC_NOW = (alias = 'p') => `${alias}.withdrawn_at IS NULL`;

/**
 * True when validated update `v` gives the pledge's status as of cycle `c`:
 * the latest validated update in that cycle or before (`valid_until` is the
 * period start of the pledge's next validated update).
 */
export function statusAsOf(v: string, c: string): string {
  return `${v}.editorial_status = 'validated' AND ${v}.period_start <= ${c}.period_start
    AND (${v}.valid_until IS NULL OR ${v}.valid_until > ${c}.period_start)`;
}

/** Pledges public now, optionally narrowed by `extra` (on alias `p`): `pub` in every query. */
export function pubCte(extra = ''): string {
  return `pub AS NOT MATERIALIZED (SELECT p.* FROM stats_pledge p WHERE ${PUBLIC_NOW()}${extra ? ` AND ${extra}` : ''})`;
}

export const PUB_CTE = pubCte();

/** (pledge_id, region) for public pledges: see stats_refresh_pledges for how regions are derived. */
export const PLEDGE_REGIONS = `preg AS (SELECT p.pledge_id, r.region FROM pub p CROSS JOIN unnest(p.regions) AS r(region))`;

/** The M49 regions in code order, plus '001' (global) last. */
export const REGION_LIST = `(SELECT code, name, CASE WHEN code = '001' THEN 999 ELSE code::int END AS ord FROM (
    SELECT DISTINCT region_m49 AS code, region AS name FROM country
    UNION ALL SELECT '001', 'Global') r)`;

export const STATUS_ORDER = ['not_started', 'on_track', 'delayed', 'achieved', 'discontinued'] as const;
export const STATUS_LIST = `(SELECT s, ord FROM unnest(ARRAY['${STATUS_ORDER.join("','")}']) WITH ORDINALITY AS t(s, ord))`;

/** [{status, pledges}] over `pub` by current implementation status, every status listed. */
export const BY_STATUS_JSON = `(SELECT json_agg(json_build_object('status', sl.s, 'pledges', coalesce(x.n, 0)) ORDER BY sl.ord)
    FROM ${STATUS_LIST} sl LEFT JOIN (SELECT implementation_status, count(*)::int AS n FROM pub GROUP BY 1) x
      ON x.implementation_status = sl.s)`;

/** [{form, pledges}] over `pub`. */
export const BY_FORM_JSON = `(SELECT json_agg(json_build_object('form', f, 'pledges', coalesce(x.n, 0)) ORDER BY ord)
    FROM unnest(ARRAY['policy', 'financial', 'technical', 'process']) WITH ORDINALITY AS t(f, ord)
    LEFT JOIN (SELECT form, count(*)::int AS n FROM pub GROUP BY 1) x ON x.form = f)`;

/** The five most recently first-published pledges of `pub`, for a summary page. */
export const RECENT_PLEDGES_JSON = `coalesce((SELECT json_agg(json_build_object('reference', x.reference, 'title', x.title,
    'leadOrganisation', x.name, 'implementationStatus', x.implementation_status, 'firstPublishedAt', x.first_published_at)
    ORDER BY x.first_published_at DESC, x.reference)
  FROM (SELECT p.reference, p.title, o.name, p.implementation_status, p.first_published_at FROM pledge p
    JOIN pub ON pub.pledge_id = p.id JOIN organisation o ON o.id = p.lead_organisation_id
    ORDER BY p.first_published_at DESC, p.reference LIMIT 5) x), '[]')`;
