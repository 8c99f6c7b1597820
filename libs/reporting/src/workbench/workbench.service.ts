import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { AuditService, DomainError, ErrorCode, FieldError, IdempotencyService } from '@gcm/platform';
import { authorOrganisation } from '@gcm/pledges';
import { DataSource } from 'typeorm';
import { daysLeft } from '../domain/cycle-calendar';
import { assertCycleOpen } from '../domain/lifecycle';
import { copyPreviousUpdate, needsApproval, snapshotSubmission } from '../updates/progress-writes';
import { BulkNoChangeDto } from './workbench.dto';
import { loadCycle, loadWorkbenchRows } from './workbench.loader';
import { BulkNoChangeResult, WorkbenchView } from './workbench.view';

/**
 * The focal point's cycle workbench: the organisation's whole cycle on one
 * page, and "no change since last cycle" for many pledges in one action.
 * Inline edits go through the progress-update routes (drafts with versions).
 */
@Injectable()
export class WorkbenchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async view(user: AuthUser, code: string, today = new Date().toISOString().slice(0, 10)): Promise<WorkbenchView> {
    const organisationId = authorOrganisation(user);
    const m = this.dataSource.manager;
    const cycle = await loadCycle(m, code);
    const [[org], rows] = await Promise.all([
      m.query('SELECT name FROM organisation WHERE id = $1', [organisationId]),
      loadWorkbenchRows(m, organisationId, cycle),
    ]);
    const counts = { total: rows.length, missing: 0, draft: 0, returned: 0, submitted: 0, validated: 0 };
    for (const r of rows) counts[r.state]++;
    return {
      organisationId,
      organisationName: org?.name ?? '',
      today,
      cycle: { code: cycle.code, status: cycle.status, periodStart: cycle.periodStart, periodEnd: cycle.periodEnd, deadline: cycle.deadline, daysLeft: daysLeft(cycle.deadline, today) },
      counts,
      rows,
    };
  }

  /** Each pledge becomes its own submitted, reconfirmed update, audited one by one, in one transaction: all or none. */
  async noChange(user: AuthUser, code: string, dto: BulkNoChangeDto, key?: string): Promise<{ value: BulkNoChangeResult; replayed: boolean }> {
    const organisationId = authorOrganisation(user);
    const cycle = await loadCycle(this.dataSource.manager, code);
    assertCycleOpen(cycle.status, cycle.code);
    return this.idempotency.run({ key, userId: user.id, scope: 'workbench.no-change', request: { code, dto } }, async (m) => {
      // Read inside the transaction with the rows locked, so two tabs confirming the same pledges cannot both pass the checks.
      await m.query('SELECT id FROM pledge WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [dto.pledgeIds]);
      const rows = new Map((await loadWorkbenchRows(m, organisationId, cycle, dto.pledgeIds)).map((r) => [r.pledgeId, r]));
      const errors: FieldError[] = [];
      dto.pledgeIds.forEach((id, i) => {
        const row = rows.get(id);
        const field = `pledgeIds.${i}`;
        if (!row) errors.push({ field, messages: [`${id} is not a pledge of your organisation that owes an update for ${cycle.code}`] });
        else if (row.update) errors.push({ field, messages: [`${row.reference} already has its ${cycle.code} update (${row.update.editorialStatus})`] });
        else if (!row.previous) errors.push({ field, messages: [`${row.reference} has no earlier submitted update to reconfirm`] });
      });
      if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, 'Nothing was reconfirmed: some pledges cannot be', errors);
      const updates: BulkNoChangeResult['updates'] = [];
      // With an in-country approver, each reconfirmation waits for them (as a single "no change" does).
      const approval = await needsApproval(m, organisationId, user.id);
      for (const pledgeId of dto.pledgeIds) {
        const row = rows.get(pledgeId)!;
        const id = await copyPreviousUpdate(m, row.previous!.updateId, cycle.id, user.id, { awaitingApproval: approval });
        const number = approval ? null : (await snapshotSubmission(m, id, user.id)).number;
        const [u] = await m.query('SELECT version, is_late AS "isLate" FROM progress_update WHERE id = $1', [id]);
        await this.audit.record(m, {
          action: 'progress_update.no_change', entityType: 'progress_update', entityId: id,
          after: { pledgeId, cycle: cycle.code, copiedFrom: row.previous!.updateId, isLate: u.isLate, versionNumber: number, via: 'workbench' },
        });
        updates.push({ pledgeId, reference: row.reference, updateId: id, version: u.version, isLate: u.isLate });
      }
      return { cycle: cycle.code, updates };
    });
  }
}
