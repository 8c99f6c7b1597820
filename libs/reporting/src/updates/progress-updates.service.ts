import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import {
  assertVersion, AuditService, DomainError, ErrorCode, expectedVersion, FieldError, IdempotencyService, requireVersion, updateVersioned,
} from '@gcm/platform';
import { authorOrganisation, ownsPledge, seesWorkingCopy } from '@gcm/pledges';
import { DataSource, EntityManager } from 'typeorm';
import { assertCycleOpen, CycleStatus, nextUpdateStatus } from '../domain/lifecycle';
import { CreateProgressUpdateDto, NoChangeDto, UpdateProgressUpdateDto } from '../dto/progress-update.dto';
import { ProgressUpdate } from '../entities/progress-update.entity';
import { cyclePopulationSql } from '../population/cycle-population.sql';
import {
  approvalNeeded, checkProgressContent, copyPreviousUpdate, LATENESS_SET_SQL, loadUpdateRow, needsApproval, replaceLinks, replaceMeasurements, snapshotSubmission, UpdateRow,
} from './progress-writes';
import { loadUpdateView, ProgressUpdateView } from './progress-update.view';

/** Unchanged when absent, emptied when null. */
const text = (v: string | null | undefined) => (v === null ? '' : v);

interface CycleRow {
  id: string;
  code: string;
  status: CycleStatus;
  periodStart: string;
  deadline: string;
}

/**
 * A focal point's progress updates: one per pledge per cycle. Reads that
 * validate happen before a transaction opens; each transaction writes with
 * `WHERE version = expected`, so of concurrent writers at one version exactly
 * one succeeds and the others get 409.
 */
/** An update is written, unless it says otherwise, in the language of the organisation that pledged. */
async function organisationLanguage(m: EntityManager, pledgeId: string): Promise<string> {
  const [row] = await m.query('SELECT o.language FROM pledge p JOIN organisation o ON o.id = p.lead_organisation_id WHERE p.id = $1', [pledgeId]);
  return (row?.language as string | undefined) ?? 'en';
}

@Injectable()
export class ProgressUpdatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  private get m(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * A pledge of the caller's organisation that owes the open cycle an update
   * (the cycle population: a pledge withdrawn during the cycle still reports
   * on it, one withdrawn before it started does not).
   */
  private async target(user: AuthUser, pledgeId: string, cycleCode: string): Promise<{ cycle: CycleRow }> {
    authorOrganisation(user);
    const [pledge] = await this.m.query('SELECT lead_organisation_id AS "org", published_version AS "pv", status FROM pledge WHERE id = $1', [pledgeId]);
    if (!pledge || !ownsPledge(user, pledge.org)) throw DomainError.notFound('Pledge');
    if (pledge.pv === null) {
      throw new DomainError(ErrorCode.InvalidState, 'Progress is reported on published pledges only (this one is not published)');
    }
    const [cycle] = await this.m.query(
      `SELECT id, code, status, to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(deadline, 'YYYY-MM-DD') AS deadline,
              EXISTS (SELECT 1 FROM ${cyclePopulationSql('c.id')} x WHERE x.pledge_id = $2) AS owes
       FROM reporting_cycle c WHERE code = $1`,
      [cycleCode, pledgeId],
    );
    if (!cycle) throw DomainError.invalid('cycle', `Unknown reporting cycle ${cycleCode}`);
    assertCycleOpen(cycle.status, cycle.code);
    if (!cycle.owes) {
      throw new DomainError(ErrorCode.InvalidState, `This pledge owes no update for ${cycle.code}: it was withdrawn before the cycle began`);
    }
    return { cycle };
  }

  private async existing(m: EntityManager, pledgeId: string, cycle: CycleRow): Promise<void> {
    const [row] = await m.query('SELECT id FROM progress_update WHERE pledge_id = $1 AND cycle_id = $2', [pledgeId, cycle.id]);
    if (row) {
      throw new DomainError(ErrorCode.Conflict, `This pledge already has its progress update for ${cycle.code}; edit that one`, { updateId: row.id });
    }
  }

  async create(user: AuthUser, pledgeId: string, dto: CreateProgressUpdateDto, key?: string) {
    const { cycle } = await this.target(user, pledgeId, dto.cycle);
    const { partnerContributions } = await checkProgressContent(this.m, pledgeId, cycle.deadline, dto);
    return this.idempotency.run({ key, userId: user.id, scope: 'updates.create', request: { pledgeId, dto } }, async (m) => {
      await this.existing(m, pledgeId, cycle);
      const id = (
        await m.insert(ProgressUpdate, {
          pledgeId, cycleId: cycle.id, status: dto.status, percentComplete: dto.percentComplete,
          language: dto.language ?? (await organisationLanguage(m, pledgeId)),
          actionsTaken: dto.actionsTaken ?? '', challenges: dto.challenges ?? '', nextSteps: dto.nextSteps ?? '',
          partnerContributions: partnerContributions ?? [], createdBy: user.id,
        })
      ).identifiers[0].id as string;
      await replaceMeasurements(m, id, dto.measurements ?? []);
      await replaceLinks(m, id, dto.evidence ?? []);
      await this.audit.record(m, { action: 'progress_update.create', entityType: 'progress_update', entityId: id, after: { pledgeId, ...dto } });
      return loadUpdateView(m, id);
    });
  }

  /** The update for its owner organisation or the secretariat; anyone else: not found. */
  async view(user: AuthUser, id: string): Promise<ProgressUpdateView> {
    const row = await loadUpdateRow(this.m, id);
    if (!row || !seesWorkingCopy(user, row.leadOrganisationId)) throw DomainError.notFound('Progress update');
    return loadUpdateView(this.m, id);
  }

  async listForPledge(user: AuthUser, pledgeId: string) {
    const [pledge] = await this.m.query('SELECT lead_organisation_id AS "org" FROM pledge WHERE id = $1', [pledgeId]);
    if (!pledge || !seesWorkingCopy(user, pledge.org)) throw DomainError.notFound('Pledge');
    return this.m.query(
      `SELECT u.id, c.code AS cycle, u.status, u.percent_complete AS "percentComplete", u.editorial_status AS "editorialStatus",
         u.is_late AS "isLate", u.no_change AS "noChange", u.version, u.submitted_at AS "submittedAt", u.validated_at AS "validatedAt"
       FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id WHERE u.pledge_id = $1 ORDER BY c.period_start`,
      [pledgeId],
    );
  }

  private async owned(user: AuthUser, id: string): Promise<UpdateRow> {
    authorOrganisation(user);
    const row = await loadUpdateRow(this.m, id);
    if (!row || !ownsPledge(user, row.leadOrganisationId)) throw DomainError.notFound('Progress update');
    return row;
  }

  private async bump(m: EntityManager, row: UpdateRow, expected: number, set: string, params: unknown[] = []): Promise<void> {
    await updateVersioned(m, { table: 'progress_update', what: 'progress update', key: row.id }, expected, set, params);
  }

  async update(user: AuthUser, id: string, dto: UpdateProgressUpdateDto, ifMatch?: string): Promise<ProgressUpdateView> {
    const expected = requireVersion(ifMatch, dto.version);
    const row = await this.owned(user, id);
    assertVersion('progress update', row.version, expected);
    nextUpdateStatus(row.editorialStatus, 'edit');
    assertCycleOpen(row.cycleStatus, row.cycleCode);
    const cleared: FieldError[] = (['status', 'percentComplete'] as const)
      .filter((k) => dto[k] === null)
      .map((k) => ({ field: k, messages: [`${k} cannot be cleared`] }));
    if (cleared.length) throw DomainError.invalidFields(cleared);
    const { partnerContributions } = await checkProgressContent(this.m, row.pledgeId, row.deadline, dto);
    const columns: [string, unknown][] = [
      ['status', dto.status], ['percent_complete', dto.percentComplete], ['actions_taken', text(dto.actionsTaken)],
      ['challenges', text(dto.challenges)], ['next_steps', text(dto.nextSteps)], ['language', dto.language ?? undefined],
      ['partner_contributions', partnerContributions && JSON.stringify(partnerContributions)],
    ];
    const changed = columns.filter(([, v]) => v !== undefined);
    return this.dataSource.transaction(async (m) => {
      const before = await loadUpdateView(m, id);
      await this.bump(m, row, expected, changed.map(([c], i) => `${c} = $${i + 3}`).join(', '), changed.map(([, v]) => v));
      if (dto.measurements !== undefined) await replaceMeasurements(m, id, dto.measurements ?? []);
      if (dto.evidence !== undefined) await replaceLinks(m, id, dto.evidence ?? []);
      const after = await loadUpdateView(m, id);
      await this.audit.record(m, {
        action: 'progress_update.update', entityType: 'progress_update', entityId: id,
        before: { ...before, previous: undefined }, after: { ...after, previous: undefined },
      });
      return after;
    });
  }

  async submit(user: AuthUser, id: string, dto: { version?: number }, ifMatch?: string): Promise<ProgressUpdateView> {
    const row = await this.owned(user, id);
    const expected = expectedVersion(ifMatch, dto.version) ?? row.version;
    assertVersion('progress update', row.version, expected);
    nextUpdateStatus(row.editorialStatus, 'submit');
    assertCycleOpen(row.cycleStatus, row.cycleCode);
    if (approvalNeeded(row.approverId, user.id)) {
      return this.dataSource.transaction(async (m) => {
        await this.bump(m, row, expected, `editorial_status = 'awaiting_approval'`);
        const view = await loadUpdateView(m, id);
        await this.audit.record(m, {
          action: 'progress_update.submit_for_approval', entityType: 'progress_update', entityId: id,
          before: { editorialStatus: row.editorialStatus }, after: { editorialStatus: 'awaiting_approval' },
        });
        return view;
      });
    }
    const submitted = await this.dataSource.transaction(async (m) => {
      await this.bump(m, row, expected, `editorial_status = 'submitted', submitted_at = now(), submitted_by = $3, ${LATENESS_SET_SQL}`, [user.id]);
      const { number, view } = await snapshotSubmission(m, id, user.id);
      await this.audit.record(m, {
        action: 'progress_update.submit', entityType: 'progress_update', entityId: id,
        before: { editorialStatus: row.editorialStatus }, after: { editorialStatus: 'submitted', isLate: view.isLate, versionNumber: number },
      });
      return view;
    });
    return submitted;
  }

  /**
   * "No change since last cycle": copies the previous cycle's update (values, measurements, evidence) and submits it.
   * `within` runs in the same transaction once the update exists (a reminder link is claimed there, so a refused
   * claim writes nothing and a failed reconfirmation leaves the link usable).
   */
  async noChange(
    user: AuthUser, pledgeId: string, dto: NoChangeDto, key?: string, within?: (m: EntityManager, update: ProgressUpdateView) => Promise<void>,
  ): Promise<{ value: ProgressUpdateView; replayed: boolean }> {
    const { cycle } = await this.target(user, pledgeId, dto.cycle);
    const [previous] = await this.m.query(
      `SELECT u.id FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
       WHERE u.pledge_id = $1 AND c.period_end < $2::date AND u.editorial_status IN ('submitted', 'validated')
       ORDER BY c.period_end DESC LIMIT 1`,
      [pledgeId, cycle.periodStart],
    );
    if (!previous) {
      throw new DomainError(ErrorCode.InvalidState, `There is no earlier submitted update of this pledge to reconfirm for ${cycle.code}`);
    }
    const approval = await needsApproval(this.m, authorOrganisation(user), user.id);
    const result = await this.idempotency.run({ key, userId: user.id, scope: 'updates.no-change', request: { pledgeId, dto } }, async (m) => {
      await this.existing(m, pledgeId, cycle);
      const id = await copyPreviousUpdate(m, previous.id, cycle.id, user.id, { awaitingApproval: approval });
      const snapshot = approval ? null : await snapshotSubmission(m, id, user.id);
      const number = snapshot?.number ?? null;
      const view = snapshot?.view ?? (await loadUpdateView(m, id));
      await this.audit.record(m, {
        action: 'progress_update.no_change', entityType: 'progress_update', entityId: id,
        after: { pledgeId, cycle: cycle.code, copiedFrom: previous.id, editorialStatus: view.editorialStatus, isLate: view.isLate, versionNumber: number },
      });
      if (within) await within(m, view);
      return view;
    });
    return result;
  }
}
