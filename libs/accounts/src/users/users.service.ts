import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertVersion, AuditService, DomainError, ErrorCode, Role } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/password';
import { assertStrongPassword } from '../auth/password-policy';
import { SessionService } from '../auth/session.service';
import { UpdateUserDto, UserQueryDto } from '../dto/user.dto';
import { User } from '../entities';
import { USER_VIEW_SELECT, UserView } from './user.view';

export interface NewActiveUser {
  email: string;
  name: string;
  role: Role;
  organisationId?: string | null;
  password: string;
}

/** Users as the secretariat manages them; invitations are in InvitationsService. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  async list(query: UserQueryDto) {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.role) add('u.role = ?', query.role);
    if (query.organisationId) add('u.organisation_id = ?', query.organisationId);
    if (query.status === 'deactivated') where.push('NOT u.active');
    if (query.status === 'invited') where.push('u.active AND u.password_hash IS NULL');
    if (query.status === 'active') where.push('u.active AND u.password_hash IS NOT NULL');
    if (query.q) add("(u.email ILIKE '%' || ? || '%' OR u.name ILIKE '%' || ? || '%')", query.q.replace(/[\\%_]/g, (c) => `\\${c}`));
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`${USER_VIEW_SELECT} ${filter} ORDER BY u.email LIMIT ${limit} OFFSET ${offset}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM app_user u ${filter}`, params),
    ]);
    return { items: items as UserView[], total, limit, offset };
  }

  /**
   * Role, organisation, name, active. Deactivating ends every session at once;
   * a secretariat member cannot lock themselves out.
   */
  async update(id: string, dto: UpdateUserDto, caller: AuthUser): Promise<UserView> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw DomainError.notFound('User');
      assertVersion('user', current.version, dto.version);
      const role = dto.role ?? current.role;
      const organisationId = dto.organisationId !== undefined ? dto.organisationId : current.organisationId;
      if (id === caller.id && (dto.active === false || role !== 'secretariat')) {
        throw new DomainError(ErrorCode.InvalidState, 'You cannot deactivate yourself or give up your own secretariat role');
      }
      await this.assertOrganisationFits(m, role, organisationId);
      const before = await this.view(m, id);
      const { version: _version, ...changes } = dto;
      await m.update(User, { id }, changes);
      const revoked = dto.active === false && current.active ? await this.sessions.revokeAllForUser(m, id, 'deactivated') : 0;
      const after = await this.view(m, id);
      const action = dto.active === false && current.active ? 'user.deactivate' : 'user.update';
      await this.audit.record(m, { action, entityType: 'user', entityId: id, before, after: { ...after, sessionsRevoked: revoked } });
      return after;
    });
  }

  /**
   * Deactivates in the caller's transaction (a handover): sessions revoked at once, audited. Returns how many
   * sessions ended; an already inactive user is left as is (0).
   */
  async deactivateIn(m: EntityManager, id: string, reason: string): Promise<number> {
    const [[row]] = await m.query('UPDATE app_user SET active = false, version = version + 1, updated_at = now() WHERE id = $1 AND active RETURNING id', [id]);
    if (!row) return 0;
    const revoked = await this.sessions.revokeAllForUser(m, id, 'deactivated');
    await this.audit.record(m, { action: 'user.deactivate', entityType: 'user', entityId: id, before: { active: true }, after: { active: false, reason, sessionsRevoked: revoked } });
    return revoked;
  }

  async deactivate(id: string, caller: AuthUser): Promise<UserView> {
    const current = await this.get(id);
    if (current.status === 'deactivated') return current;
    return this.update(id, { active: false }, caller);
  }

  /** Creates a user who can sign in straight away; the CLI uses it for the first secretariat account. */
  async createWithPassword(input: NewActiveUser, action = 'user.create'): Promise<UserView> {
    assertStrongPassword(input.password, input);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (m) => {
      const email = input.email.trim().toLowerCase();
      await this.assertOrganisationFits(m, input.role, input.organisationId ?? null);
      if (await m.exists(User, { where: { email } })) {
        throw new DomainError(ErrorCode.Conflict, `A user with the e-mail ${email} already exists`);
      }
      const { identifiers } = await m.insert(User, {
        email, name: input.name.trim(), role: input.role,
        organisationId: input.organisationId ?? null, passwordHash, passwordChangedAt: new Date(), active: true, version: 1,
      });
      const created = await this.view(m, identifiers[0].id as string);
      await this.audit.record(m, { action, entityType: 'user', entityId: created.id, after: created });
      return created;
    });
  }

  async get(id: string): Promise<UserView> {
    return this.view(this.dataSource.manager, id);
  }

  async view(m: EntityManager, id: string): Promise<UserView> {
    const [row] = await m.query(`${USER_VIEW_SELECT} WHERE u.id = $1`, [id]);
    if (!row) throw DomainError.notFound('User');
    return row;
  }

  /** A focal point belongs to exactly one organisation, which must exist. */
  async assertOrganisationFits(m: EntityManager, role: Role | null, organisationId: string | null): Promise<void> {
    if (role === 'focal_point' && !organisationId) {
      throw DomainError.invalid('organisationId', 'a focal point must belong to an organisation');
    }
    if (organisationId) {
      const [org] = await m.query('SELECT 1 FROM organisation WHERE id = $1', [organisationId]);
      if (!org) throw DomainError.invalid('organisationId', 'organisationId does not name an organisation');
    }
  }
}
