import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, UsersService } from '@gcm/accounts';
import { AuditService, DomainError, ErrorCode } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { HandoverDto, SetApproverDto } from './team.dto';
import { HandoverPreview, HandoverView, TeamView } from './team.view';

/** "In charge": handed over to them, or created by them and never handed over. */
const IN_CHARGE = (user: string) => `(p.responsible_user_id = ${user} OR (p.responsible_user_id IS NULL AND p.created_by = ${user}))`;

/**
 * A team per organisation: its focal points (alternates, who all see and
 * report on the organisation's pledges), the optional in-country approver,
 * and the handover of a departing focal point's pledges to another.
 */
@Injectable()
export class TeamService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  async team(caller: AuthUser, organisationId: string, m: EntityManager = this.dataSource.manager): Promise<TeamView> {
    if (caller.role !== 'secretariat' && !(caller.role === 'focal_point' && caller.organisationId === organisationId)) {
      throw DomainError.notFound('Organisation');
    }
    const [org] = await m.query('SELECT id, name, approver_id AS "approverId" FROM organisation WHERE id = $1', [organisationId]);
    if (!org) throw DomainError.notFound('Organisation');
    const members = await m.query(
      `SELECT u.id, u.name, u.email, u.active, u.id = o.approver_id AS "isApprover",
              (SELECT count(*)::int FROM pledge p WHERE p.lead_organisation_id = o.id AND ${IN_CHARGE('u.id')}) AS pledges
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE o.id = $1 AND u.role = 'focal_point' ORDER BY u.active DESC, u.name, u.email`,
      [organisationId],
    );
    const handovers = await m.query(
      `SELECT a.occurred_at AS at, a.after->>'fromUserId' AS "fromUserId", f.name AS "fromName", a.after->>'toUserId' AS "toUserId",
              t.name AS "toName", b.name AS "byName", coalesce(a.after->'pledges', '[]'::jsonb) AS pledges
         FROM audit_log a
         LEFT JOIN app_user f ON f.id = (a.after->>'fromUserId')::uuid
         LEFT JOIN app_user t ON t.id = (a.after->>'toUserId')::uuid
         LEFT JOIN app_user b ON b.id = a.actor_id
        WHERE a.action = 'organisation.handover' AND a.entity_type = 'organisation' AND a.entity_id = $1
        ORDER BY a.id DESC LIMIT 100`,
      [organisationId],
    );
    return { organisationId: org.id, organisation: org.name, approverId: org.approverId, members, handovers };
  }

  /** Only the secretariat or the organisation's in-country approver hands over (and previews a handover). */
  private assertMayHandOver(caller: AuthUser, organisationId: string, org: { name: string; approverId: string | null }): void {
    const approver = caller.role === 'focal_point' && caller.organisationId === organisationId && org.approverId === caller.id;
    if (caller.role !== 'secretariat' && !approver) {
      throw new DomainError(ErrorCode.Forbidden, `Only the secretariat or the in-country approver of ${org.name} can hand over its focal points' pledges`, {
        reason: 'not_the_approver',
      });
    }
  }

  /** The pledges a handover from `fromUserId` would move, as the handover itself selects them. */
  async handoverPreview(caller: AuthUser, organisationId: string, fromUserId: string): Promise<HandoverPreview> {
    const m = this.dataSource.manager;
    const [org] = await m.query('SELECT name, approver_id AS "approverId" FROM organisation WHERE id = $1', [organisationId]);
    if (!org) throw DomainError.notFound('Organisation');
    this.assertMayHandOver(caller, organisationId, org);
    const [from] = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND organisation_id = $2 AND role = 'focal_point'`, [fromUserId, organisationId]);
    if (!from) throw DomainError.invalid('fromUserId', 'fromUserId must be a focal point of this organisation');
    const pledges = await m.query(
      `SELECT p.id, p.reference, p.title FROM pledge p WHERE p.lead_organisation_id = $1 AND ${IN_CHARGE('$2')} ORDER BY p.reference`,
      [organisationId, fromUserId],
    );
    return { fromUserId, pledges };
  }

  private async activeFocalPoint(m: EntityManager, organisationId: string, userId: string, field: string): Promise<void> {
    const [u] = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND organisation_id = $2 AND role = 'focal_point' AND active`, [userId, organisationId]);
    if (!u) throw DomainError.invalid(field, `${field} must be an active focal point of this organisation`);
  }

  /** The secretariat names (or removes) the organisation's in-country approver. */
  async setApprover(caller: AuthUser, organisationId: string, dto: SetApproverDto): Promise<TeamView> {
    return this.dataSource.transaction(async (m) => {
      const [org] = await m.query('SELECT approver_id AS "approverId" FROM organisation WHERE id = $1 FOR UPDATE', [organisationId]);
      if (!org) throw DomainError.notFound('Organisation');
      if (dto.userId) await this.activeFocalPoint(m, organisationId, dto.userId, 'userId');
      await m.query('UPDATE organisation SET approver_id = $2 WHERE id = $1', [organisationId, dto.userId]);
      await this.audit.record(m, {
        action: 'organisation.approver', entityType: 'organisation', entityId: organisationId,
        before: { approverId: org.approverId }, after: { approverId: dto.userId },
      });
      return this.team(caller, organisationId, m);
    });
  }

  /**
   * A departing focal point's pledges pass to another of the organisation's
   * focal points (each change audited, so the history stays), and the
   * departing account is deactivated with its sessions revoked, in one
   * transaction. The secretariat or the organisation's approver does it.
   */
  async handover(caller: AuthUser, organisationId: string, dto: HandoverDto): Promise<HandoverView> {
    return this.dataSource.transaction(async (m) => {
      const [org] = await m.query('SELECT name, approver_id AS "approverId" FROM organisation WHERE id = $1 FOR UPDATE', [organisationId]);
      if (!org) throw DomainError.notFound('Organisation');
      this.assertMayHandOver(caller, organisationId, org);
      if (dto.fromUserId === dto.toUserId) throw DomainError.invalid('toUserId', 'toUserId must be another focal point than fromUserId');
      if (dto.fromUserId === caller.id) throw new DomainError(ErrorCode.InvalidState, 'You cannot hand over your own account; ask the secretariat');
      const [from] = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND organisation_id = $2 AND role = 'focal_point'`, [dto.fromUserId, organisationId]);
      if (!from) throw DomainError.invalid('fromUserId', 'fromUserId must be a focal point of this organisation');
      await this.activeFocalPoint(m, organisationId, dto.toUserId, 'toUserId');
      const [moved]: [{ id: string; reference: string }[]] = await m.query(
        `UPDATE pledge p SET responsible_user_id = $3 WHERE p.lead_organisation_id = $1 AND ${IN_CHARGE('$2')}
         RETURNING p.id, p.reference`,
        [organisationId, dto.fromUserId, dto.toUserId],
      );
      for (const p of moved) {
        await this.audit.record(m, {
          action: 'pledge.handover', entityType: 'pledge', entityId: p.id,
          before: { responsibleUserId: dto.fromUserId }, after: { responsibleUserId: dto.toUserId },
        });
      }
      const approverCleared = org.approverId === dto.fromUserId;
      if (approverCleared) {
        await m.query('UPDATE organisation SET approver_id = NULL WHERE id = $1', [organisationId]);
        await this.audit.record(m, {
          action: 'organisation.approver', entityType: 'organisation', entityId: organisationId,
          before: { approverId: dto.fromUserId }, after: { approverId: null, reason: 'handover' },
        });
      }
      const sessionsRevoked = await this.users.deactivateIn(m, dto.fromUserId, 'handover');
      const pledges = moved.map((p) => p.reference).sort();
      await this.audit.record(m, {
        action: 'organisation.handover', entityType: 'organisation', entityId: organisationId,
        after: { fromUserId: dto.fromUserId, toUserId: dto.toUserId, pledges, sessionsRevoked, approverCleared },
      });
      return { fromUserId: dto.fromUserId, toUserId: dto.toUserId, pledges, sessionsRevoked, approverCleared, team: await this.team(caller, organisationId, m) };
    });
  }
}
