import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { assertVersion, AuditService, DomainError, ErrorCode, updateVersioned } from '@gcm/platform';
import { authorOrganisation } from '@gcm/pledges';
import { DataSource, EntityManager } from 'typeorm';
import type { CycleStatus } from '../domain/lifecycle';
import { DeclineExtensionDto, ExtensionQueryDto, GrantExtensionDto, RequestExtensionDto } from '../dto/extension.dto';
import { afterExtensionSql, isLateSql } from '../population/cycle-population.sql';
import { EXTENSION_SELECT, ExtensionPage, ExtensionView } from './extension.view';

/** Extensions are asked for and decided only while the cycle takes submissions. */
function assertOpenForExtensions(status: CycleStatus, code: string, what: string): void {
  if (status !== 'open') {
    throw new DomainError(
      ErrorCode.InvalidState,
      `Reporting cycle ${code} is ${status}: a deadline extension can be ${what} only while the cycle is open`,
      { cycleStatus: status },
    );
  }
}

/**
 * Deadline extensions: a focal point asks for more time in a cycle for their
 * organisation, the secretariat grants (with the new date) or declines. A
 * grant moves that organisation's deadline (organisation_deadline in SQL), and
 * re-derives the late flags of what the organisation already submitted.
 */
@Injectable()
export class ExtensionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private view(m: EntityManager, id: string): Promise<ExtensionView> {
    return m.query(`${EXTENSION_SELECT} WHERE e.id = $1`, [id]).then(([row]) => row);
  }

  async list(user: AuthUser, query: ExtensionQueryDto): Promise<ExtensionPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (user.role !== 'secretariat') where.push(`e.organisation_id = $${params.push(authorOrganisation(user))}`);
    if (query.cycle) where.push(`c.code = $${params.push(query.cycle)}`);
    if (query.status) where.push(`e.status = $${params.push(query.status)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`${EXTENSION_SELECT} ${filter} ORDER BY e.requested_at DESC, e.id LIMIT ${query.limit} OFFSET ${query.offset}`, params),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM deadline_extension e JOIN reporting_cycle c ON c.id = e.cycle_id ${filter}`, params,
      ),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async request(user: AuthUser, code: string, dto: RequestExtensionDto): Promise<ExtensionView> {
    const organisationId = authorOrganisation(user);
    const [cycle]: { id: string; code: string; status: CycleStatus; deadline: string }[] = await this.dataSource.query(
      `SELECT id, code, status, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM reporting_cycle WHERE code = $1`,
      [code],
    );
    if (!cycle) throw DomainError.notFound(`Reporting cycle ${code}`);
    assertOpenForExtensions(cycle.status, cycle.code, 'requested');
    if (dto.requestedDeadline && dto.requestedDeadline <= cycle.deadline) {
      throw DomainError.invalid('requestedDeadline', `requestedDeadline must be after the cycle's deadline of ${cycle.deadline}`);
    }
    return this.dataSource.transaction(async (m) => {
      const [live] = await m.query(
        `SELECT id, status FROM deadline_extension WHERE cycle_id = $1 AND organisation_id = $2 AND status IN ('requested', 'granted')`,
        [cycle.id, organisationId],
      );
      if (live) {
        throw new DomainError(ErrorCode.Conflict, `Your organisation already has a ${live.status} extension for ${cycle.code}`, { extensionId: live.id });
      }
      const [{ id }] = await m.query(
        `INSERT INTO deadline_extension (cycle_id, organisation_id, reason, requested_deadline, requested_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [cycle.id, organisationId, dto.reason, dto.requestedDeadline ?? null, user.id],
      );
      const view = await this.view(m, id);
      await this.audit.record(m, { action: 'extension.request', entityType: 'deadline_extension', entityId: id, after: view });
      return view;
    });
  }

  private async pending(m: EntityManager, id: string, version: number | undefined): Promise<ExtensionView> {
    const [row] = await m.query('SELECT id FROM deadline_extension WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw DomainError.notFound('Deadline extension');
    const current = await this.view(m, id);
    assertVersion('deadline extension', current.version, version ?? current.version);
    if (current.status !== 'requested') {
      throw new DomainError(ErrorCode.InvalidState, `This extension was already ${current.status}`, { status: current.status });
    }
    assertOpenForExtensions(current.cycleStatus as CycleStatus, current.cycle, 'decided');
    return current;
  }

  async grant(user: AuthUser, id: string, dto: GrantExtensionDto): Promise<ExtensionView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.pending(m, id, dto.version);
      if (dto.deadline <= before.cycleDeadline) {
        throw DomainError.invalid('deadline', `deadline must be after the cycle's deadline of ${before.cycleDeadline}`);
      }
      await updateVersioned(
        m, { table: 'deadline_extension', what: 'deadline extension', key: id }, before.version,
        `status = 'granted', deadline = $3, decision_comment = $4, decided_by = $5, decided_at = now()`,
        [dto.deadline, dto.comment ?? null, user.id],
      );
      // What the organisation already submitted is judged against its new deadline.
      const [, rederived] = await m.query(
        `UPDATE progress_update u SET is_late = ${isLateSql('u.submitted_at', 'u.cycle_id', 'u.pledge_id')},
                after_extension = ${afterExtensionSql('u.submitted_at', 'u.cycle_id', 'u.pledge_id')}
           FROM pledge p, deadline_extension e
          WHERE e.id = $1 AND u.cycle_id = e.cycle_id AND p.id = u.pledge_id AND p.lead_organisation_id = e.organisation_id
            AND u.submitted_at IS NOT NULL`,
        [id],
      );
      const after = await this.view(m, id);
      await this.audit.record(m, {
        action: 'extension.grant', entityType: 'deadline_extension', entityId: id,
        before: { status: before.status }, after: { ...after, updatesRederived: Number(rederived ?? 0) },
      });
      return after;
    });
  }

  async decline(user: AuthUser, id: string, dto: DeclineExtensionDto): Promise<ExtensionView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.pending(m, id, dto.version);
      await updateVersioned(
        m, { table: 'deadline_extension', what: 'deadline extension', key: id }, before.version,
        `status = 'declined', decision_comment = $3, decided_by = $4, decided_at = now()`,
        [dto.comment, user.id],
      );
      const after = await this.view(m, id);
      await this.audit.record(m, {
        action: 'extension.decline', entityType: 'deadline_extension', entityId: id, before: { status: before.status }, after,
      });
      return after;
    });
  }
}
