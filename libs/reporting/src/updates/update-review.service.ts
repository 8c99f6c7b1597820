import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { assertVersion, AuditService, DomainError, expectedVersion, updateVersioned } from '@gcm/platform';
import { ImplementationStatus, ImplementationStatusService } from '@gcm/pledges';
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
    private readonly pledges: ImplementationStatusService,
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
    assertVersion('progress update', row.version, expected);
    nextUpdateStatus(row.editorialStatus, action);
    return row;
  }

  private async decide(m: EntityManager, row: UpdateRow, set: string, params: unknown[]): Promise<void> {
    await updateVersioned(m, { table: 'progress_update', what: 'progress update', key: row.id }, row.version, set, params);
  }

  async validate(user: AuthUser, id: string, dto: { version?: number; comment?: string }, ifMatch?: string): Promise<ProgressUpdateView> {
    const row = await this.submitted(id, 'validate', expectedVersion(ifMatch, dto.version));
    const view = await this.dataSource.transaction(async (m) => {
      await this.decide(m, row, `editorial_status = 'validated', validated_at = now(), validated_by = $3`, [user.id]);
      await m.insert(ProgressUpdateReview, { updateId: id, decision: 'validated', comment: dto.comment ?? null, reviewerId: user.id });
      await this.audit.record(m, {
        action: 'progress_update.validate', entityType: 'progress_update', entityId: id,
        before: { editorialStatus: 'submitted' }, after: { editorialStatus: 'validated' },
      });
      await this.pledges.follow(m, row.pledgeId, await this.latestValidatedStatus(m, row.pledgeId), id);
      const validated = await loadUpdateView(m, id);
      // The warnings the reviewer saw, kept with the decision: the IMRF summary's method note counts these, not a recomputation.
      await m.query('UPDATE progress_update SET validated_warnings = $2::jsonb WHERE id = $1', [id, JSON.stringify(validated.warnings.map((w) => w.code))]);
      return validated;
    });
    return view;
  }

  /** The pledge takes the status of its validated update of the latest cycle period (not the latest validated in time). */
  private async latestValidatedStatus(m: EntityManager, pledgeId: string): Promise<ImplementationStatus> {
    const [latest]: { status: ImplementationStatus }[] = await m.query(
      `SELECT u.status FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
        WHERE u.pledge_id = $1 AND u.editorial_status = 'validated'
        ORDER BY c.period_end DESC, c.period_start DESC LIMIT 1`,
      [pledgeId],
    );
    return latest.status;
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
