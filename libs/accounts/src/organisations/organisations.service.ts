import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertVersion, AuditService, DomainError } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import {
  CreateOrganisationDto, OrganisationQueryDto, UpdateOrganisationDto, UpdateOwnOrganisationDto,
} from '../dto/organisation.dto';
import { Organisation } from '../entities';
import { ORGANISATION_VIEW_COLUMNS, OrganisationView, withContactIf } from './organisation.view';

/**
 * Organisations are a public directory (name, kind, country, website); the
 * contact e-mail is private to the secretariat and the organisation's own users.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: OrganisationQueryDto, caller?: AuthUser) {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.kind) add('o.kind = ?', query.kind);
    if (query.q) add("o.name ILIKE '%' || ? || '%'", query.q.replace(/[\\%_]/g, (c) => `\\${c}`));
    if (query.country) add('o.country_alpha3 = ?', query.country.toUpperCase());
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${ORGANISATION_VIEW_COLUMNS} FROM organisation o ${filter} ORDER BY o.name LIMIT ${limit} OFFSET ${offset}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM organisation o ${filter}`, params),
    ]);
    return {
      items: (items as OrganisationView[]).map((o) => withContactIf(o, this.mayReadContact(o.id, caller))),
      total, limit, offset,
    };
  }

  async get(id: string, caller?: AuthUser): Promise<OrganisationView> {
    return withContactIf(await this.view(this.dataSource.manager, id), this.mayReadContact(id, caller));
  }

  /** The caller's own organisation, contact included. */
  async mine(caller: AuthUser): Promise<OrganisationView> {
    if (!caller.organisationId) throw DomainError.notFound('Your organisation');
    return this.view(this.dataSource.manager, caller.organisationId);
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationView> {
    return this.dataSource.transaction(async (m) => {
      const { identifiers } = await m.insert(Organisation, {
        kind: dto.kind, name: dto.name, contactEmail: dto.contactEmail ?? null, website: dto.website ?? null, language: dto.language ?? 'en', countryAlpha3: null, version: 1,
      });
      const after = await this.view(m, identifiers[0].id as string);
      await this.audit.record(m, { action: 'organisation.create', entityType: 'organisation', entityId: after.id, after });
      return after;
    });
  }

  async update(id: string, dto: UpdateOrganisationDto): Promise<OrganisationView> {
    return this.change(id, dto, (before) => {
      if (before.kind === 'state' && (dto.name !== undefined || dto.kind !== undefined)) {
        throw DomainError.invalid(dto.name !== undefined ? 'name' : 'kind', "a State organisation's name and kind follow the country list");
      }
    });
  }

  async updateMine(dto: UpdateOwnOrganisationDto, caller: AuthUser): Promise<OrganisationView> {
    if (!caller.organisationId) throw DomainError.notFound('Your organisation');
    return this.change(caller.organisationId, dto, () => undefined);
  }

  private async change(id: string, dto: UpdateOrganisationDto, check: (before: Organisation) => void): Promise<OrganisationView> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw DomainError.notFound('Organisation');
      assertVersion('organisation', current.version, dto.version);
      check(current);
      const before = await this.view(m, id);
      const { version: _version, ...changes } = dto;
      await m.update(Organisation, { id }, changes);
      const after = await this.view(m, id);
      await this.audit.record(m, { action: 'organisation.update', entityType: 'organisation', entityId: id, before, after });
      return after;
    });
  }

  private mayReadContact(id: string, caller?: AuthUser): boolean {
    return caller?.role === 'secretariat' || (caller !== undefined && caller.organisationId === id);
  }

  private async view(m: EntityManager, id: string): Promise<OrganisationView> {
    const [row] = await m.query(`SELECT ${ORGANISATION_VIEW_COLUMNS} FROM organisation o WHERE o.id = $1`, [id]);
    if (!row) throw DomainError.notFound('Organisation');
    return row;
  }
}
