import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { assertVersion, AuditService, DomainError, ErrorCode, expectedVersion, updateVersioned } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { assertCycleOpen, nextUpdateStatus } from '../domain/lifecycle';
import { ProgressUpdateReview } from '../entities/progress-update-review.entity';
import { LATENESS_SET_SQL, loadUpdateRow, snapshotSubmission, UpdateRow } from './progress-writes';
import { loadUpdateView, ProgressUpdateView } from './progress-update.view';

/**
 * The in-country approver's step: an update a focal point submitted while
 * the organisation has an approver waits (awaiting_approval) until the
 * approver approves it — then it is submitted to the secretariat, judged late
 * or not at that moment — or sends it back (returned, with a comment). Only
 * the organisation's approver may do either; anyone else gets 403 saying so.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async assertApprover(user: AuthUser, organisationId: string): Promise<void> {
    const [org] = await this.dataSource.query('SELECT name, approver_id AS "approverId" FROM organisation WHERE id = $1', [organisationId]);
    if (!org?.approverId) {
      throw new DomainError(ErrorCode.Forbidden, `${org?.name ?? 'This organisation'} has no in-country approver: its updates go straight to the secretariat`, {
        reason: 'no_approver',
      });
    }
    if (user.id !== org.approverId) {
      throw new DomainError(ErrorCode.Forbidden, `Only the in-country approver of ${org.name} can approve or send back its progress updates`, {
        reason: 'not_the_approver',
      });
    }
  }

  /** The updates of the caller's organisation waiting for the caller's approval. */
  async queue(user: AuthUser) {
    if (!user.organisationId) throw new DomainError(ErrorCode.Forbidden, 'Only an in-country approver has an approval queue', { reason: 'not_the_approver' });
    await this.assertApprover(user, user.organisationId);
    const items = await this.dataSource.query(
      `SELECT u.id, c.code AS cycle, p.id AS "pledgeId", p.reference, p.title, u.status, u.percent_complete AS "percentComplete",
              u.no_change AS "noChange", u.version, u.updated_at AS "updatedAt"
         FROM progress_update u JOIN pledge p ON p.id = u.pledge_id JOIN reporting_cycle c ON c.id = u.cycle_id
        WHERE p.lead_organisation_id = $1 AND u.editorial_status = 'awaiting_approval'
        ORDER BY u.updated_at, p.reference`,
      [user.organisationId],
    );
    return { items, total: items.length };
  }

  private async awaiting(user: AuthUser, id: string, action: 'approve' | 'send_back', version: number | undefined): Promise<UpdateRow> {
    const row = await loadUpdateRow(this.dataSource.manager, id);
    if (!row) throw DomainError.notFound('Progress update');
    await this.assertApprover(user, row.leadOrganisationId);
    assertVersion('progress update', row.version, version ?? row.version);
    nextUpdateStatus(row.editorialStatus, action);
    assertCycleOpen(row.cycleStatus, row.cycleCode);
    return row;
  }

  async approve(user: AuthUser, id: string, dto: { version?: number }, ifMatch?: string): Promise<ProgressUpdateView> {
    const row = await this.awaiting(user, id, 'approve', expectedVersion(ifMatch, dto.version));
    return this.dataSource.transaction(async (m) => {
      await updateVersioned(m, { table: 'progress_update', what: 'progress update', key: id }, row.version,
        `editorial_status = 'submitted', submitted_at = now(), submitted_by = $3, ${LATENESS_SET_SQL}`, [user.id]);
      const { number, view } = await snapshotSubmission(m, id, user.id);
      await this.audit.record(m, {
        action: 'progress_update.approve', entityType: 'progress_update', entityId: id,
        before: { editorialStatus: 'awaiting_approval' }, after: { editorialStatus: 'submitted', isLate: view.isLate, versionNumber: number },
      });
      return view;
    });
  }

  async sendBack(user: AuthUser, id: string, dto: { version?: number; comment: string }, ifMatch?: string): Promise<ProgressUpdateView> {
    const row = await this.awaiting(user, id, 'send_back', expectedVersion(ifMatch, dto.version));
    return this.dataSource.transaction(async (m) => {
      await updateVersioned(m, { table: 'progress_update', what: 'progress update', key: id }, row.version, `editorial_status = 'returned'`, []);
      await m.insert(ProgressUpdateReview, { updateId: id, decision: 'returned', comment: dto.comment, reviewerId: user.id });
      await this.audit.record(m, {
        action: 'progress_update.send_back', entityType: 'progress_update', entityId: id,
        before: { editorialStatus: 'awaiting_approval' }, after: { editorialStatus: 'returned', comment: dto.comment },
      });
      return loadUpdateView(m, id);
    });
  }
}
