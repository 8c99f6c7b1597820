import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@gcm/platform';
import { DataSource } from 'typeorm';

/**
 * Every UN Member and observer State is an organisation, created from the
 * country table. Idempotent: States already present are left alone, so a
 * second run inserts nothing and audits nothing.
 */
@Injectable()
export class StateOrganisationsSeeder {
  private readonly logger = new Logger(StateOrganisationsSeeder.name);

  constructor(private readonly audit: AuditService) {}

  async seed(dataSource: DataSource): Promise<{ created: number }> {
    return dataSource.transaction(async (m) => {
      const [{ codes, created }]: { codes: string[]; created: number }[] = await m.query(
        `WITH ins AS (
           INSERT INTO organisation (kind, name, country_alpha3, version)
           SELECT 'state', c.name, c.alpha3, 1 FROM country c
            WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.country_alpha3 = c.alpha3)
           ON CONFLICT DO NOTHING RETURNING country_alpha3)
         SELECT coalesce(array_agg(country_alpha3 ORDER BY country_alpha3), '{}') AS codes, count(*)::int AS created FROM ins`,
      );
      if (created > 0) {
        await this.audit.record(m, {
          action: 'organisation.seed_states', entityType: 'organisation', entityId: null,
          after: { created, countries: codes }, actorId: null, actorRole: 'system',
        });
        this.logger.log(`State organisations created: ${created}`);
      }
      return { created };
    });
  }
}
