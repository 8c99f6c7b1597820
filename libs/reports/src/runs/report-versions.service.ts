import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError, ErrorCode, LOCALES, MailService } from '@gcm/platform';
import { citationOf, permanentPath } from './report-citation';
import { DataSource, EntityManager } from 'typeorm';
import { REPORT_FORMATS, ReportFormat } from '../renderers/render-report';
import { PublicReportQueryDto, VersionQueryDto } from './dto/report-query.dto';
import { listScope } from './report-target';
import { EditorialEdition, ReportEditorialService } from '../editorial/report-editorial.service';
import { whereClause } from './sql-filter';

const VERSION_COLUMNS = `v.id, v.kind, v.scope, v.cycle_key AS "cycleKey", string_to_array(v.cycle_key, '+') AS cycles, v.language, v.number,
  v.title, v.snapshot_hash AS "snapshotHash", v.created_at AS "createdAt", v.published_at AS "publishedAt", v.editorial_revision AS "editorialRevision",
  (SELECT coalesce(json_agg(json_build_object('format', f.format, 'contentType', f.content_type, 'size', f.size, 'sha256', f.sha256)
     ORDER BY array_position($FORMATS::text[], f.format::text)), '[]') FROM report_file f WHERE f.version_id = v.id) AS files`;

const FORMATS_LITERAL = `'{${REPORT_FORMATS.join(',')}}'`;

/**
 * A version exists for readers only once every format is stored: its build
 * writes the files one by one, and an outage or a crash in between must not
 * leave a half-downloadable report in anyone's list (the retried run fills
 * in the rest, and then it appears).
 */
const complete = (alias: string) => `(SELECT count(*) FROM report_file f WHERE f.version_id = ${alias}.id) = ${REPORT_FORMATS.length}`;
const COMPLETE = complete('v');

/**
 * The languages the same report (kind, scope, cycles) exists in, each with its
 * latest version: published ones for the public, every complete one for the
 * secretariat.
 */
const languagesOf = (publishedOnly: boolean) => `(SELECT coalesce(json_agg(json_build_object('language', s.language, 'versionId', s.id, 'number', s.number,
     'url', '/api/v1/reports/' || s.id) ORDER BY array_position('{${LOCALES.join(',')}}'::text[], s.language::text)), '[]')
   FROM (SELECT DISTINCT ON (s.language) s.id, s.language, s.number FROM report_version s
          WHERE s.kind = v.kind AND s.scope = v.scope AND s.cycle_key = v.cycle_key AND ${complete('s')}${publishedOnly ? ' AND s.published_at IS NOT NULL' : ''}
          ORDER BY s.language, s.number DESC) s) AS languages`;
const PUBLIC_COLUMNS = `${VERSION_COLUMNS.replace('$FORMATS', FORMATS_LITERAL)}, ${languagesOf(true)}`;
const ALL_COLUMNS = `${VERSION_COLUMNS.replace('$FORMATS', FORMATS_LITERAL)}, ${languagesOf(false)}`;

export interface ReportFileDownload {
  bytes: Buffer;
  contentType: string;
  sha256: string;
  filename: string;
  published: boolean;
  language: string;
}

/**
 * Report versions: the secretariat lists and publishes them; the public sees
 * and downloads published ones only. An unpublished version is 404 to anyone
 * but the secretariat, as if it did not exist.
 */
@Injectable()
export class ReportVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly editorial: ReportEditorialService,
    private readonly mail: MailService,
  ) {}

  /** The edition at its permanent address: report, cycles, language and number. */
  async edition(kind: string, scope: string, cycleKey: string, language: string, number: number, canSeeUnpublished: boolean) {
    const [row] = await this.dataSource.query(
      'SELECT id FROM report_version WHERE kind = $1 AND scope = $2 AND cycle_key = $3 AND language = $4 AND number = $5',
      [kind, scope, cycleKey, language, number],
    );
    if (!row) throw DomainError.notFound('Report');
    return this.get(row.id, canSeeUnpublished);
  }

  /** "Cite this": the sentence, CSL-JSON and BibTeX, each naming the snapshot the figures come from. */
  async cite(id: string, canSeeUnpublished: boolean) {
    const [row] = await this.dataSource.query(
      `SELECT v.id, v.kind, v.scope, v.cycle_key AS "cycleKey", v.language, v.number, v.title, v.published_at AS "publishedAt", v.created_at AS "createdAt",
              v.model->'metadata'->'snapshot'->>'id' AS "snapshotId", v.model->'metadata'->'snapshot'->>'takenAt' AS "dataAsOf"
         FROM report_version v WHERE v.id = $1 AND ${COMPLETE}`,
      [id],
    );
    if (!row || (!row.publishedAt && !canSeeUnpublished)) throw DomainError.notFound('Report');
    return citationOf({ ...row, snapshotId: row.snapshotId ?? row.id, dataAsOf: row.dataAsOf ?? new Date(row.createdAt).toISOString() }, this.mail.publicUrl());
  }

  async list(q: VersionQueryDto | PublicReportQueryDto, publicOnly: boolean) {
    const published = publicOnly ? true : (q as VersionQueryDto).published;
    const extra = [COMPLETE, ...(published === undefined ? [] : [published ? 'v.published_at IS NOT NULL' : 'v.published_at IS NULL'])];
    const { sql, params } = whereClause('v', { kind: q.kind, scope: listScope(q), language: q.language }, q.cycle, extra);
    const COLUMNS = publicOnly ? PUBLIC_COLUMNS : ALL_COLUMNS;
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const order = publicOnly ? 'v.published_at DESC' : 'v.created_at DESC';
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${COLUMNS} FROM report_version v ${sql} ORDER BY ${order}, v.id LIMIT ${limit} OFFSET ${offset}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM report_version v ${sql}`, params),
    ]);
    return { items: items.map((v: VersionRow) => withLinks(v)), total: total as number, limit, offset };
  }

  async get(id: string, canSeeUnpublished: boolean) {
    const [row] = await this.dataSource.query(`SELECT ${canSeeUnpublished ? ALL_COLUMNS : PUBLIC_COLUMNS} FROM report_version v WHERE v.id = $1 AND ${COMPLETE}`, [id]);
    if (!row || (!row.publishedAt && !canSeeUnpublished)) throw DomainError.notFound('Report');
    return withLinks(row);
  }

  /**
   * Publishing needs every format rendered, so nothing published is missing a
   * download. A version with editorial text is published as the edition the
   * secretariat previewed: every format rendered again with that text.
   */
  async publish(id: string, userId: string) {
    const editions = await this.editorial.renderEditions([id]);
    await this.dataSource.transaction((m) => this.publishLocked(m, [id], userId, editions));
    return this.get(id, true);
  }

  /**
   * Several versions in one action, all or none: a selection the secretariat
   * checked as a whole is not left half public. Each version is audited on its
   * own row, as if published one by one.
   */
  async publishMany(ids: string[], userId: string) {
    const editions = await this.editorial.renderEditions(ids);
    await this.dataSource.transaction((m) => this.publishLocked(m, ids, userId, editions));
    const rows = await this.dataSource.query(`SELECT ${ALL_COLUMNS} FROM report_version v WHERE v.id = ANY($1) ORDER BY v.title, v.id`, [ids]);
    return { items: rows.map((v: VersionRow) => withLinks(v)), total: rows.length as number };
  }

  private async publishLocked(m: EntityManager, ids: string[], userId: string, editions: Map<string, EditorialEdition>): Promise<void> {
    // Locked in id order, so two overlapping bulk publishes wait for each other instead of deadlocking.
    const rows: { id: string; publishedAt: string | null; files: number }[] = await m.query(
      `SELECT v.id, v.published_at AS "publishedAt", (SELECT count(*)::int FROM report_file f WHERE f.version_id = v.id) AS files
         FROM report_version v WHERE v.id = ANY($1) ORDER BY v.id FOR UPDATE`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const single = ids.length === 1;
    const refused: { id: string; reason: string }[] = [];
    for (const id of ids) {
      const v = found.get(id);
      const reason = !v ? 'not found' : v.publishedAt ? 'This report version is already published'
        : v.files < REPORT_FORMATS.length ? `This report version has ${v.files} of ${REPORT_FORMATS.length} formats; wait for its run to complete` : null;
      if (!reason) continue;
      if (single && !v) throw DomainError.notFound('Report version');
      if (single) throw new DomainError(ErrorCode.InvalidState, reason);
      refused.push({ id, reason });
    }
    if (refused.length > 0) {
      throw new DomainError(ErrorCode.InvalidState, `${refused.length} of ${ids.length} versions cannot be published; none was`, { refused });
    }
    for (const id of ids) await this.editorial.replaceFiles(m, id, editions.get(id));
    await m.query('UPDATE report_version SET published_at = now(), published_by = $2 WHERE id = ANY($1)', [ids, userId]);
    for (const id of ids) {
      const revision = editions.get(id)?.revision ?? null;
      await this.audit.record(m, { action: 'report.published', entityType: 'report_version', entityId: id, before: { publishedAt: null }, after: { published: true, editorialRevision: revision } });
    }
  }

  async download(id: string, format: ReportFormat, canSeeUnpublished: boolean): Promise<ReportFileDownload> {
    const [row] = await this.dataSource.query(
      `SELECT v.kind, v.scope, v.cycle_key AS "cycleKey", v.language, v.number, v.published_at IS NOT NULL AS published,
              f.content_type AS "contentType", f.sha256, f.bytes
         FROM report_version v JOIN report_file f ON f.version_id = v.id AND f.format = $2
        WHERE v.id = $1 AND ${COMPLETE}`,
      [id, format],
    );
    if (!row || (!row.published && !canSeeUnpublished)) throw DomainError.notFound('Report');
    const language = row.language === 'en' ? '' : `-${row.language}`;
    const name = `gcm-${row.kind.replace('_', '-')}-${row.scope}-${row.cycleKey.replace(/\+/g, '_')}${language}-v${row.number}.${format}`;
    return { bytes: row.bytes, contentType: row.contentType, sha256: row.sha256, filename: name.replace(/[^A-Za-z0-9._-]/g, '_'), published: row.published, language: row.language };
  }
}

interface VersionRow {
  id: string;
  files: { format: ReportFormat }[];
}

function withLinks<T extends VersionRow>(v: T) {
  return { ...v, permanentUrl: permanentPath(v as unknown as Parameters<typeof permanentPath>[0]), citeUrl: `/api/v1/reports/${v.id}/cite`, files: v.files.map((f) => ({ ...f, url: `/api/v1/reports/${v.id}/download.${f.format}` })) };
}
