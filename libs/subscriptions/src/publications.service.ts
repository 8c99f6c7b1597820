import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const PUBLICATION_KINDS = ['pledge.published', 'update.validated', 'report.published'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** What a publication says in public: the same for a feed entry and a webhook delivery. */
export interface Publication {
  id: string;
  kind: PublicationKind;
  occurredAt: string;
  title: string;
  /** Path of the public page, e.g. `/pledges/GCM-P-2026-00042`. */
  path: string;
  summary: string;
  pledgeReference: string | null;
  cycle: string | null;
  countries: string[];
  objectives: number[];
  themes: number[];
}

export interface PublicationFilter {
  country?: string;
  objective?: number;
  theme?: number;
  kinds?: readonly PublicationKind[];
  afterId?: string;
  limit?: number;
  ids?: string[];
}

/**
 * The public face of each outbox event, read at read time from published data
 * only: a pledge through its published columns and the public read model
 * (stats_pledge: published pledges' countries, objectives and themes), an update
 * only while it is validated, a report version only while published. No
 * contact, working copy or unvalidated text is selected.
 */
const PUBLICATION_SQL = `
  SELECT e.id::text AS id, e.kind, e.occurred_at AS "occurredAt",
    coalesce(p.title, v.title) AS title,
    CASE WHEN e.kind = 'report.published' THEN '/reports?version=' || v.id ELSE '/pledges/' || p.reference END AS path,
    CASE e.kind
      WHEN 'pledge.published' THEN o.name || ' published pledge ' || p.reference
      WHEN 'update.validated' THEN o.name || ' reported progress on ' || p.reference || ' for ' || c.code || ': ' || replace(u.status, '_', ' ') || ', ' || u.percent_complete || ' %'
      ELSE 'Report published: ' || v.title END AS summary,
    p.reference AS "pledgeReference", coalesce(c.code, vc.code) AS cycle,
    CASE WHEN e.kind = 'report.published' THEN
        CASE WHEN v.kind = 'state' THEN ARRAY[v.scope]::text[] ELSE '{}'::text[] END
      ELSE ARRAY(SELECT DISTINCT x FROM unnest(sp.countries::text[] || CASE WHEN sp.lead_country IS NULL THEN '{}'::text[] ELSE ARRAY[sp.lead_country::text] END) x ORDER BY 1) END AS countries,
    CASE WHEN e.kind = 'report.published' THEN
        CASE WHEN v.kind = 'objective' AND v.scope ~ '^[0-9]+$' THEN ARRAY[v.scope::int] ELSE '{}'::int[] END
      ELSE sp.objectives::int[] END AS objectives,
    CASE WHEN e.kind = 'report.published' THEN
        CASE WHEN v.kind = 'theme' AND v.scope ~ '^T[0-9]+$' THEN ARRAY[substr(v.scope, 2)::int] ELSE '{}'::int[] END
      ELSE sp.themes::int[] END AS themes
  FROM publication_event e
  LEFT JOIN progress_update u ON e.kind = 'update.validated' AND u.id = e.entity_id AND u.editorial_status = 'validated'
  LEFT JOIN reporting_cycle c ON c.id = u.cycle_id
  LEFT JOIN pledge p ON p.published_version IS NOT NULL
    AND p.id = CASE e.kind WHEN 'pledge.published' THEN e.entity_id WHEN 'update.validated' THEN u.pledge_id END
  LEFT JOIN organisation o ON o.id = p.lead_organisation_id
  LEFT JOIN stats_pledge sp ON sp.pledge_id = p.id
  LEFT JOIN report_version v ON e.kind = 'report.published' AND v.id = e.entity_id AND v.published_at IS NOT NULL
  LEFT JOIN reporting_cycle vc ON vc.id = v.cycle_id
  WHERE (p.id IS NOT NULL OR v.id IS NOT NULL)`;

@Injectable()
export class PublicationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first (or, with `afterId`, oldest first after that event), filtered as a feed or a dispatcher asks. */
  async list(f: PublicationFilter = {}): Promise<Publication[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.kinds) add((n) => `e.kind = ANY(${n}::text[])`, f.kinds);
    if (f.afterId) add((n) => `e.id > ${n}::bigint`, f.afterId);
    if (f.ids) add((n) => `e.id = ANY(${n}::bigint[])`, f.ids);
    const inner = `${PUBLICATION_SQL}${where.length ? ` AND ${where.join(' AND ')}` : ''}`;
    const outer: string[] = [];
    if (f.country) {
      params.push(f.country);
      outer.push(`$${params.length}::text = ANY(countries)`);
    }
    if (f.objective !== undefined) {
      params.push(f.objective);
      outer.push(`$${params.length}::int = ANY(objectives)`);
    }
    if (f.theme !== undefined) {
      params.push(f.theme);
      outer.push(`$${params.length}::int = ANY(themes)`);
    }
    params.push(Math.min(f.limit ?? 50, 500));
    const order = f.afterId ? 'id::bigint ASC' : '"occurredAt" DESC, id::bigint DESC';
    const rows: (Omit<Publication, 'occurredAt'> & { occurredAt: Date })[] = await this.dataSource.query(
      `SELECT * FROM (${inner}) x ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''} ORDER BY ${order} LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }));
  }
}
