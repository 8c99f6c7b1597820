import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertVersion, AuditService, DomainError, ErrorCode, updateVersioned } from '@gcm/platform';
import type { AuthUser } from '@gcm/accounts';
import { DataSource, EntityManager } from 'typeorm';
import { CreateExpertReportDto, ExpertReportQueryDto, ReturnExpertReportDto, UpdateExpertReportDto } from './expert-report.dto';
import type { ExpertReportStatus } from './expert-report.entity';

/** Public columns: the signature, never the author's e-mail. */
const PUBLIC = `r.id, r.title, r.body, r.language, r.year, r.theme_number AS theme, r.objective_number AS objective,
  coalesce(r.mandate, o.name, u.name) AS "filedBy", r.published_at AS "publishedAt"`;
/** What the author and the secretariat also see. */
const PRIVATE = `${PUBLIC}, r.status, r.version, r.mandate, r.review_note AS "reviewNote", r.author_id AS "authorId",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.submitted_at AS "submittedAt"`;
const FROM = 'expert_report r JOIN app_user u ON u.id = r.author_id LEFT JOIN organisation o ON o.id = u.organisation_id';

/**
 * Expert challenge reports: experts draft and submit their own; the
 * secretariat publishes or returns them. Someone else's unpublished report
 * is 404, as if it did not exist.
 */
@Injectable()
export class ExpertReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateExpertReportDto, author: AuthUser) {
    if (dto.theme !== undefined && dto.objective !== undefined) throw DomainError.invalid('theme', 'give either a theme or an objective, not both');
    if (dto.theme !== undefined) {
      const [t] = await this.dataSource.query('SELECT 1 FROM theme WHERE number = $1', [dto.theme]);
      if (!t) throw DomainError.invalid('theme', `there is no theme ${dto.theme}`);
    }
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO expert_report (author_id, mandate, theme_number, objective_number, year, title, body, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7,
           coalesce($8, (SELECT o.language FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1), 'en'))
         RETURNING id`,
        [author.id, dto.mandate ?? null, dto.theme ?? null, dto.objective ?? null, dto.year, dto.title, dto.body, dto.language ?? null],
      );
      await this.audit.record(m, { action: 'expert_report.created', entityType: 'expert_report', entityId: row.id, after: { ...dto, status: 'draft' } });
      return row.id as string;
    });
    return this.get(id, author);
  }

  async update(id: string, dto: UpdateExpertReportDto, author: AuthUser) {
    const fields = { title: dto.title, body: dto.body, language: dto.language ?? undefined, year: dto.year, mandate: dto.mandate };
    await this.transition(id, dto.version, ['draft', 'returned'], null, author, 'expert_report.updated', async (m) => {
      const sets = Object.entries(fields).filter(([, v]) => v !== undefined);
      if (sets.length === 0) return;
      await m.query(
        `UPDATE expert_report SET ${sets.map(([k], i) => `${k} = $${i + 2}`).join(', ')} WHERE id = $1`,
        [id, ...sets.map(([, v]) => v)],
      );
    }, fields);
    return this.get(id, author);
  }

  async submit(id: string, version: number, author: AuthUser) {
    await this.transition(id, version, ['draft', 'returned'], 'submitted', author, 'expert_report.submitted', (m) =>
      m.query('UPDATE expert_report SET submitted_at = now() WHERE id = $1', [id]));
    return this.get(id, author);
  }

  async publish(id: string, version: number, reviewer: AuthUser) {
    await this.transition(id, version, ['submitted'], 'published', null, 'expert_report.published', (m) =>
      m.query('UPDATE expert_report SET published_at = now(), published_by = $2, review_note = NULL WHERE id = $1', [id, reviewer.id]));
    return this.get(id, reviewer);
  }

  async return(id: string, dto: ReturnExpertReportDto, reviewer: AuthUser) {
    await this.transition(id, dto.version, ['submitted'], 'returned', null, 'expert_report.returned', (m) =>
      m.query('UPDATE expert_report SET review_note = $2 WHERE id = $1', [id, dto.note]), { note: dto.note });
    return this.get(id, reviewer);
  }

  /**
   * Locks the row, checks who may act, the version and the status, applies
   * the change, bumps the version and audits it, in one transaction.
   */
  private async transition(
    id: string, version: number, from: ExpertReportStatus[], to: ExpertReportStatus | null, author: AuthUser | null,
    action: string, change: (m: EntityManager) => Promise<unknown>, details?: object,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [before] = await m.query('SELECT status, version, author_id AS "authorId" FROM expert_report WHERE id = $1 FOR UPDATE', [id]);
      if (!before || (author && before.authorId !== author.id)) throw DomainError.notFound('Expert report');
      assertVersion('expert report', before.version, version);
      if (!from.includes(before.status)) throw new DomainError(ErrorCode.InvalidState, `A ${before.status} expert report cannot be ${action.split('.')[1]}`);
      await change(m);
      await updateVersioned(m, { table: 'expert_report', what: 'expert report', key: id }, before.version, 'status = coalesce($3, status)', [to]);
      await this.audit.record(m, {
        action, entityType: 'expert_report', entityId: id,
        before: { status: before.status, version: before.version }, after: { status: to ?? before.status, version: before.version + 1, ...details },
      });
    });
  }

  /** Published for anyone; otherwise only its author or the secretariat. */
  async get(id: string, caller?: AuthUser) {
    const [row] = await this.dataSource.query(`SELECT ${PRIVATE} FROM ${FROM} WHERE r.id = $1`, [id]);
    const mayReview = caller?.role === 'secretariat' || (caller !== undefined && row?.authorId === caller.id);
    if (!row || (row.status !== 'published' && !mayReview)) throw DomainError.notFound('Expert report');
    return mayReview ? row : publicView(row);
  }

  async list(q: ExpertReportQueryDto, caller?: AuthUser, mine = false) {
    const secretariat = caller?.role === 'secretariat';
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, v: unknown) => where.push(sql.replace('?', `$${params.push(v)}`));
    if (mine && caller) add('r.author_id = ?', caller.id);
    else if (!secretariat) where.push(`r.status = 'published'`);
    if (q.status) add('r.status = ?', q.status);
    if (q.year) add('r.year = ?', q.year);
    if (q.theme) add('r.theme_number = ?', q.theme);
    if (q.objective) add('r.objective_number = ?', q.objective);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${secretariat || mine ? PRIVATE : PUBLIC} FROM ${FROM} ${filter}
        ORDER BY r.year DESC, coalesce(r.published_at, r.updated_at) DESC, r.id LIMIT ${limit} OFFSET ${offset}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM expert_report r ${filter}`, params),
    ]);
    return { items, total: total as number, limit, offset };
  }
}

function publicView(row: Record<string, unknown>) {
  const { id, title, body, language, year, theme, objective, filedBy, publishedAt } = row;
  return { id, title, body, language, year, theme, objective, filedBy, publishedAt };
}
