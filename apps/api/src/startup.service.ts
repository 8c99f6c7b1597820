import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, migrateUnderLock } from '@gcm/platform';
import { StateOrganisationsSeeder } from '@gcm/accounts';
import { FrameworkSeeder } from '@gcm/framework';
import { PracticesImporter } from '@gcm/practices';
import { DataSource } from 'typeorm';

/**
 * Migrates and seeds before the API takes traffic. MIGRATE_ON_START=false
 * skips it (the e2e tests start from an already migrated template database).
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly framework: FrameworkSeeder,
    private readonly states: StateOrganisationsSeeder,
    private readonly practices: PracticesImporter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.MIGRATE_ON_START) return;
    const ran = await migrateUnderLock(this.dataSource, async (ds) => {
      await this.framework.seed(ds);
      await this.states.seed(ds);
      await this.practices.seedIfEmpty();
    });
    if (ran.length) this.logger.log(`migrations applied: ${ran.join(', ')}`);
  }
}
