import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError, ErrorCode, requireVersion, staleVersion, updateVersioned } from '@gcm/platform';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { EditorialContent, ReportDocument } from '../model/document.types';
import { REPORT_FORMATS, RenderedReport, ReportFormat } from '../renderers/render-report';
import { ReportRenderer } from '../runs/worker/report-renderer';
import { CarryForwardDto, SaveEditorialDto } from './editorial.dto';
import { EditorialCarryForwardView, EditorialRevisionPage, ReportEditorialView } from './editorial.view';
import type { StoredCommentary } from './report-editorial.entity';
import { sanitiseRichText } from './rich-text';

interface VersionRow {
  id: string;
  kind: string;
  scope: string;
  cycleKey: string;
  language: string;
  number: number;
  publishedAt: Date | null;
  editorialRevision: number | null;
  sections: { id: string; title: string }[];
}

interface EditorialRow {
  version: number;
  introduction: string;
  commentary: StoredCommentary[];
  updatedAt: Date;
  updatedBy: string | null;
}

/** An edition re-rendered with the editorial text it will be published with. */
export interface EditorialEdition {
  revision: number;
  files: Map<ReportFormat, RenderedReport>;
}

const VERSION_SQL = `SELECT v.id, v.kind, v.scope, v.cycle_key AS "cycleKey", v.language, v.number, v.published_at AS "publishedAt",
    v.editorial_revision AS "editorialRevision",
    (SELECT coalesce(json_agg(json_build_object('id', s->>'id', 'title', s->>'title') ORDER BY n), '[]') FROM jsonb_array_elements(v.model->'sections') WITH ORDINALITY AS x(s, n)) AS sections
  FROM report_version v WHERE v.id = $1`;

const EDITORIAL_SQL = `SELECT version, introduction, commentary, updated_at AS "updatedAt", updated_by AS "updatedBy" FROM report_editorial WHERE version_id = $1`;

/**
 * The editorial layer of a report version: the secretariat's introduction and
 * commentary per section, sanitised on the way in, saved under optimistic
 * concurrency (each save a revision, audited), previewed in every format and
 * merged into the files when the version is published. The built model is
 * never changed: the data stays pinned to its snapshot.
 */
@Injectable()
export class ReportEditorialService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly renderer: ReportRenderer,
  ) {}

  async get(versionId: string): Promise<ReportEditorialView> {
    const v = await this.version(this.dataSource.manager, versionId);
    const [e]: EditorialRow[] = await this.dataSource.query(EDITORIAL_SQL, [versionId]);
    const byId = new Map((e?.commentary ?? []).map((c) => [c.sectionId, c.html]));
    return {
      versionId,
      version: e?.version ?? 0,
      introduction: e?.introduction ?? '',
      sections: v.sections.map((s) => ({ sectionId: s.id, title: s.title, html: byId.get(s.id) ?? '' })),
      updatedAt: e?.updatedAt ?? null,
      updatedBy: e?.updatedBy ?? null,
      published: v.publishedAt !== null,
      publishedRevision: v.editorialRevision,
      carryForward: await this.carryForwardOffer(v, e),
    };
  }

  async save(versionId: string, dto: SaveEditorialDto, ifMatch: string | undefined, userId: string): Promise<ReportEditorialView> {
    const expected = requireVersion(ifMatch, dto.version);
    const v = await this.version(this.dataSource.manager, versionId);
    const sectionIds = new Set(v.sections.map((s) => s.id));
    const errors = dto.commentary.flatMap((c, i) => (sectionIds.has(c.sectionId) ? [] : [{ field: `commentary.${i}.sectionId`, messages: [`${c.sectionId} is not a section of this report`] }]));
    const seen = new Set<string>();
    dto.commentary.forEach((c, i) => {
      if (seen.has(c.sectionId)) errors.push({ field: `commentary.${i}.sectionId`, messages: [`${c.sectionId} is given twice`] });
      seen.add(c.sectionId);
    });
    if (errors.length > 0) throw DomainError.invalidFields(errors);
    const introduction = sanitiseRichText(dto.introduction).html;
    const commentary = dto.commentary.map((c) => ({ sectionId: c.sectionId, html: sanitiseRichText(c.html).html })).filter((c) => c.html !== '');
    await this.write(versionId, expected, introduction, commentary, null, userId);
    return this.get(versionId);
  }

  /** Copies an earlier version's editorial text onto this one (sections this version no longer has are dropped). */
  async carryForward(versionId: string, dto: CarryForwardDto, ifMatch: string | undefined, userId: string): Promise<ReportEditorialView> {
    const expected = requireVersion(ifMatch, dto.version);
    const v = await this.version(this.dataSource.manager, versionId);
    const from = await this.version(this.dataSource.manager, dto.fromVersionId).catch(() => {
      throw DomainError.invalid('fromVersionId', 'No such report version');
    });
    if (from.id === v.id || from.kind !== v.kind || from.scope !== v.scope || from.cycleKey !== v.cycleKey || from.language !== v.language) {
      throw DomainError.invalid('fromVersionId', 'The editorial text can only be carried forward from another version of the same report and language');
    }
    const [e]: EditorialRow[] = await this.dataSource.query(EDITORIAL_SQL, [from.id]);
    if (!e) throw DomainError.invalid('fromVersionId', 'That version has no editorial text');
    const sectionIds = new Set(v.sections.map((s) => s.id));
    await this.write(versionId, expected, e.introduction, e.commentary.filter((c) => sectionIds.has(c.sectionId)), from.id, userId);
    return this.get(versionId);
  }

  async revisions(versionId: string): Promise<EditorialRevisionPage> {
    await this.version(this.dataSource.manager, versionId);
    const items = await this.dataSource.query(
      `SELECT revision, created_at AS "createdAt", created_by AS "createdBy", carried_from AS "carriedFrom", introduction,
              jsonb_array_length(commentary)::int AS "commentarySections"
         FROM report_editorial_revision WHERE version_id = $1 ORDER BY revision DESC`,
      [versionId],
    );
    return { items, total: items.length };
  }

  /** The version's document with its current editorial text merged in (as previewed and published). */
  async edition(versionId: string): Promise<{ model: ReportDocument; revision: number | null }> {
    const [row] = await this.dataSource.query('SELECT model FROM report_version WHERE id = $1', [versionId]);
    if (!row) throw DomainError.notFound('Report version');
    const [e]: EditorialRow[] = await this.dataSource.query(EDITORIAL_SQL, [versionId]);
    if (!e) return { model: row.model, revision: null };
    return { model: { ...row.model, editorial: editorialContent(e) }, revision: e.version };
  }

  async preview(versionId: string, format: ReportFormat): Promise<RenderedReport & { revision: number | null }> {
    await this.version(this.dataSource.manager, versionId);
    const { model, revision } = await this.edition(versionId);
    return { ...(await this.renderer.render(model, format)), revision };
  }

  /**
   * Every format of each version that has editorial text, rendered before the
   * publishing transaction (a PDF takes a while; no lock is held meanwhile).
   * `replaceFiles` then checks inside the transaction that the text did not
   * change in between.
   */
  async renderEditions(versionIds: string[]): Promise<Map<string, EditorialEdition>> {
    const out = new Map<string, EditorialEdition>();
    for (const id of versionIds) {
      const { model, revision } = await this.edition(id).catch(() => ({ model: null, revision: null }));
      if (!model || revision === null) continue;
      const files = new Map<ReportFormat, RenderedReport>();
      await Promise.all(REPORT_FORMATS.map(async (f) => files.set(f, await this.renderer.render(model, f))));
      out.set(id, { revision, files });
    }
    return out;
  }

  /** Inside the publishing transaction: the rendered edition replaces the built files, if its text is still current. */
  async replaceFiles(m: EntityManager, versionId: string, edition: EditorialEdition | undefined): Promise<void> {
    const [e] = await m.query('SELECT version FROM report_editorial WHERE version_id = $1 FOR UPDATE', [versionId]);
    const current: number | undefined = e?.version;
    if ((current ?? null) !== (edition?.revision ?? null)) {
      throw new DomainError(ErrorCode.VersionConflict, 'The editorial text changed while the edition was being rendered; publish again', { currentVersion: current ?? 0 });
    }
    if (!edition) return;
    for (const [format, file] of edition.files) {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      await m.query('UPDATE report_file SET content_type = $3, sha256 = $4, size = $5, bytes = $6 WHERE version_id = $1 AND format = $2',
        [versionId, format, file.contentType, sha256, file.bytes.length, file.bytes]);
    }
    await m.query('UPDATE report_version SET editorial_revision = $2 WHERE id = $1', [versionId, edition.revision]);
  }

  private async write(versionId: string, expected: number, introduction: string, commentary: StoredCommentary[], carriedFrom: string | null, userId: string) {
    await this.dataSource.transaction(async (m) => {
      const [locked] = await m.query('SELECT published_at AS "publishedAt" FROM report_version WHERE id = $1 FOR UPDATE', [versionId]);
      if (locked.publishedAt) throw new DomainError(ErrorCode.InvalidState, 'This report version is published; its editorial text can no longer change');
      const [before]: EditorialRow[] = await m.query(EDITORIAL_SQL, [versionId]);
      let version: number;
      if (expected === 0) {
        if (before) throw staleVersion('editorial text', before.version);
        await m.query('INSERT INTO report_editorial (version_id, version, introduction, commentary, updated_by) VALUES ($1, 1, $2, $3, $4)',
          [versionId, introduction, JSON.stringify(commentary), userId]);
        version = 1;
      } else {
        if (!before) throw staleVersion('editorial text', 0);
        ({ version } = await updateVersioned<{ version: number }>(m, { table: 'report_editorial', what: 'editorial text', key: versionId, keyColumn: 'version_id' }, expected,
          'introduction = $3, commentary = $4, updated_by = $5', [introduction, JSON.stringify(commentary), userId], 'version'));
      }
      await m.query('INSERT INTO report_editorial_revision (version_id, revision, introduction, commentary, carried_from, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [versionId, version, introduction, JSON.stringify(commentary), carriedFrom, userId]);
      await this.audit.record(m, {
        action: carriedFrom ? 'report.editorial_carried_forward' : 'report.editorial_saved', entityType: 'report_version', entityId: versionId,
        before: before ? { version: before.version, introductionLength: before.introduction.length, sections: before.commentary.map((c) => c.sectionId) } : null,
        after: { version, introductionLength: introduction.length, sections: commentary.map((c) => c.sectionId), ...(carriedFrom ? { carriedFrom } : {}) },
      });
    });
  }

  private async version(m: EntityManager, id: string): Promise<VersionRow> {
    const [v] = await m.query(VERSION_SQL, [id]);
    if (!v) throw DomainError.notFound('Report version');
    return v;
  }

  /** The newest earlier version of the same report and language with editorial text, unless this one already carries exactly it. */
  private async carryForwardOffer(v: VersionRow, own: EditorialRow | undefined): Promise<EditorialCarryForwardView | null> {
    const [prev] = await this.dataSource.query(
      `SELECT p.id AS "versionId", p.number, e.version AS revision, e.introduction, e.commentary
         FROM report_version p JOIN report_editorial e ON e.version_id = p.id
        WHERE p.kind = $1 AND p.scope = $2 AND p.cycle_key = $3 AND p.language = $4 AND p.number < $5
        ORDER BY p.number DESC LIMIT 1`,
      [v.kind, v.scope, v.cycleKey, v.language, v.number],
    );
    if (!prev || v.publishedAt) return null;
    const commentary = prev.commentary as StoredCommentary[];
    if (own && own.introduction === prev.introduction && JSON.stringify(own.commentary) === JSON.stringify(commentary)) return null;
    const ids = new Set(v.sections.map((s) => s.id));
    return { versionId: prev.versionId, number: prev.number, revision: prev.revision, missingSections: commentary.map((c) => c.sectionId).filter((id) => !ids.has(id)) };
  }
}

/** Stored HTML to the structure renderers draw; sanitised again on the way out, so text stored before a policy change is held to today's. */
export function editorialContent(e: { version: number; introduction: string; commentary: StoredCommentary[] }): EditorialContent {
  return {
    revision: e.version,
    introduction: sanitiseRichText(e.introduction).blocks,
    commentary: Object.fromEntries(e.commentary.map((c) => [c.sectionId, sanitiseRichText(c.html).blocks])),
  };
}
