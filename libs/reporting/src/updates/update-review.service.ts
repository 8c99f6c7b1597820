import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { AuditService, DomainError } from '@gcm/platform';
import { expectedVersion, staleVersion } from '@gcm/pledges';
import { DataSource, EntityManager } from 'typeorm';
import { nextUpdateStatus } from '../domain/lifecycle';
import { UpdateQueueDto } from '../dto/progress-update.dto';
import { ProgressUpdateReview } from '../entities/progress-update-review.entity';
import { loadUpdateRow, UpdateRow } from './progress-writes';
import { loadUpdateView, ProgressUpdateView } from './progress-update.view';

/** The secretariat's review of submitted updates; validating one sets the pledge's implementation status. */
@Injectable()
export class UpdateReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async queue(query: UpdateQueueDto) {
    const params: unknown[] = [];
    const cycle = query.cycle ? `AND c.code = $${params.push(query.cycle)}` : '';
    const from = `FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id JOIN pledge p ON p.id = u.pledge_id
      JOIN organisation o ON o.id = p.lead_organisation_id WHERE u.editorial_status = 'submitted' ${cycle}`;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT u.id, c.code AS cycle, p.id AS "pledgeId", p.reference, p.title, o.name AS organisation, u.status,
           u.percent_complete AS "percentComplete", u.is_late AS "isLate", u.no_change AS "noChange", u.version, u.submitted_at AS "submittedAt"
         ${from} ORDER BY u.submitted_at, p.reference LIMIT ${query.limit} OFFSET ${query.offset}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async submitted(id: string, action: 'validate' | 'return', version: number | undefined): Promise<UpdateRow> {
    const row = await loadUpdateRow(this.dataSource.manager, id);
    if (!row) throw DomainError.notFound('Progress update');
    const expected = version ?? row.version;
    if (row.version !== expected) throw staleVersion('progress update', row.version);
    nextUpdateStatus(row.editorialStatus, action);
    return row;
  }

  private async decide(m: EntityManager, row: UpdateRow, set: string, params: unknown[]): Promise<void> {
    const [, affected] = await m.query(
      `UPDATE progress_update SET ${set}, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
      [row.id, row.version, ...params],
    );
    if (affected !== 1) throw staleVersion('progress update', (await loadUpdateRow(m, row.id))?.version ?? row.version);
  }

  async validate(user: AuthUser, id: string, dto: { version?: number; comment?: string }, ifMatch?: string): Promise<ProgressUpdateView> {
    const row = await this.submitted(id, 'validate', expectedVersion(ifMatch, dto.version));
    const view = await this.dataSource.transaction(async (m) => {
      await this.decide(m, row, `editorial_status = 'validated', validated_at = now(), validated_by = $3`, [user.id]);
      await m.insert(ProgressUpdateReview, { updateId: id, decision: 'validated', comment: dto.comment ?? null, reviewerId: user.id });
      const [before] = await m.query('SELECT implementation_status AS s FROM pledge WHERE id = $1', [row.pledgeId]);
      const [after] = await this.followLatestValidated(m, row.pledgeId);
      await this.audit.record(m, {
        action: 'progress_update.validate', entityType: 'progress_update', entityId: id,
        before: { editorialStatus: 'submitted' }, after: { editorialStatus: 'validated' },
      });
      if (before.s !== after.s) {
        await this.audit.record(m, {
          action: 'pledge.implementation_status', entityType: 'pledge', entityId: row.pledgeId,
          before: { implementationStatus: before.s }, after: { implementationStatus: after.s, fromUpdate: id },
        });
      }
      return loadUpdateView(m, id);
    });
    return view;
  }

  /** The pledge takes the status of its validated update of the latest cycle period (not the latest validated in time). */
  private async followLatestValidated(m: EntityManager, pledgeId: string): Promise<{ s: string }[]> {
    // TypeORM answers a raw UPDATE … RETURNING with [rows, affected].
    const [rows] = await m.query(
      `UPDATE pledge p SET implementation_status = l.status, public_updated_at = now()
       FROM (SELECT u.status FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
             WHERE u.pledge_id = $1 AND u.editorial_status = 'validated'
             ORDER BY c.period_end DESC, c.period_start DESC LIMIT 1) l
       WHERE p.id = $1 RETURNING p.implementation_status AS s`,
      [pledgeId],
    );
    return rows;
  }

  async return(user: AuthUser, id: string, dto: { version?: number; comment: string }, ifMatch?: string): Promise<ProgressUpdateView> {
    const row = await this.submitted(id, 'return', expectedVersion(ifMatch, dto.version));
    return this.dataSource.transaction(async (m) => {
      await this.decide(m, row, `editorial_status = 'returned'`, []);
      await m.insert(ProgressUpdateReview, { updateId: id, decision: 'returned', comment: dto.comment, reviewerId: user.id });
      await this.audit.record(m, {
        action: 'progress_update.return', entityType: 'progress_update', entityId: id,
        before: { editorialStatus: 'submitted' }, after: { editorialStatus: 'returned', comment: dto.comment },
      });
      return loadUpdateView(m, id);
    });
  }
}
