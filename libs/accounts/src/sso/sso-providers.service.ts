import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService, DomainError, updateVersionedEntity } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { SsoProvider } from '../entities';
import { CreateSsoProviderDto, UpdateSsoProviderDto } from './sso.dto';
import { encryptClientSecret } from './sso-secret';
import { SsoProviderOption, SsoProviderView } from './sso.view';

export const SSO_START_PATH = '/api/v1/auth/sso';

const VIEW_COLUMNS = `p.id, p.name, p.issuer, p.client_id AS "clientId", true AS "hasClientSecret", p.allowed_domains AS "allowedDomains",
  p.allow_account_creation AS "allowAccountCreation", p.enabled, p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version`;

/** The OpenID Connect providers the secretariat configured. Every change is audited; the client secret never appears in a view or an audit row. */
@Injectable()
export class SsoProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(): Promise<SsoProviderView[]> {
    return this.dataSource.query(`SELECT ${VIEW_COLUMNS} FROM sso_provider p ORDER BY p.name, p.id`);
  }

  /** The sign-in page's buttons. */
  async options(): Promise<SsoProviderOption[]> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      'SELECT id, name FROM sso_provider WHERE enabled ORDER BY name, id',
    );
    return rows.map((r) => ({ ...r, signInUrl: `${SSO_START_PATH}/${r.id}/start` }));
  }

  get(id: string): Promise<SsoProviderView> {
    return this.view(this.dataSource.manager, id);
  }

  async create(dto: CreateSsoProviderDto): Promise<SsoProviderView> {
    return this.dataSource.transaction(async (m) => {
      const { identifiers } = await m.insert(SsoProvider, {
        name: dto.name, issuer: dto.issuer, clientId: dto.clientId,
        clientSecretEncrypted: encryptClientSecret(this.config.AUTH_SECRET, dto.clientSecret),
        allowedDomains: unique(dto.allowedDomains ?? []), allowAccountCreation: dto.allowAccountCreation ?? false,
        enabled: dto.enabled ?? true, version: 1,
      });
      const after = await this.view(m, identifiers[0].id as string);
      await this.audit.record(m, { action: 'sso_provider.create', entityType: 'sso_provider', entityId: after.id, after });
      return after;
    });
  }

  async update(id: string, dto: UpdateSsoProviderDto): Promise<SsoProviderView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.view(m, id);
      const { version, clientSecret, allowedDomains, ...rest } = dto;
      const set: Partial<SsoProvider> = { ...rest };
      if (allowedDomains) set.allowedDomains = unique(allowedDomains);
      if (clientSecret !== undefined) set.clientSecretEncrypted = encryptClientSecret(this.config.AUTH_SECRET, clientSecret);
      await updateVersionedEntity(m, SsoProvider, { table: 'sso_provider', what: 'provider', key: id }, version ?? before.version, set);
      const after = await this.view(m, id);
      await this.audit.record(m, {
        action: 'sso_provider.update', entityType: 'sso_provider', entityId: id, before,
        after: { ...after, ...(clientSecret !== undefined ? { clientSecretChanged: true } : {}) },
      });
      return after;
    });
  }

  private async view(m: EntityManager, id: string): Promise<SsoProviderView> {
    const [row] = await m.query(`SELECT ${VIEW_COLUMNS} FROM sso_provider p WHERE p.id = $1`, [id]);
    if (!row) throw DomainError.notFound('Provider');
    return row;
  }
}

function unique(domains: string[]): string[] {
  return [...new Set(domains)];
}
