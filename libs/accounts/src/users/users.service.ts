import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError, Role } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { User } from '../entities';
import { USER_VIEW_SELECT, UserView } from './user.view';

export interface NewActiveUser {
  email: string;
  name: string;
  role: Role;
  organisationId?: string | null;
  password: string;
}

/** Users: creation with a password (the first secretariat account, test fixtures) and reads. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates a user who can sign in straight away; the CLI uses it for the first secretariat account. */
  async createWithPassword(input: NewActiveUser, action = 'user.create'): Promise<UserView> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (m) => {
      await this.assertOrganisationFits(m, input.role, input.organisationId ?? null);
      const { identifiers } = await m.insert(User, {
        email: input.email.trim().toLowerCase(), name: input.name.trim(), role: input.role,
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
  async assertOrganisationFits(m: EntityManager, role: Role, organisationId: string | null): Promise<void> {
    if (role === 'focal_point' && !organisationId) {
      throw DomainError.invalid('organisationId', 'a focal point must belong to an organisation');
    }
    if (organisationId) {
      const [org] = await m.query('SELECT 1 FROM organisation WHERE id = $1', [organisationId]);
      if (!org) throw DomainError.invalid('organisationId', 'organisationId does not name an organisation');
    }
  }
}
