import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StatsCache } from '@gcm/platform';
import { PublicJsonResponder } from './http/public-json.responder';
import { DASHBOARD_ENTITIES } from './read-model';
import { RelatedPracticesController } from './related/related-practices.controller';
import { OpenDataController } from './open-data/open-data.controller';
import { OpenDataService } from './open-data/open-data.service';
import { StatsController } from './stats/stats.controller';
import { StatsService } from './stats/stats.service';

/** Public read side: dashboard aggregates, open-data downloads and related practices. */
@Module({
  imports: [TypeOrmModule.forFeature(DASHBOARD_ENTITIES)],
  controllers: [StatsController, OpenDataController, RelatedPracticesController],
  providers: [StatsService, OpenDataService, PublicJsonResponder],
  exports: [StatsService],
})
export class DashboardModule implements OnModuleInit {
  constructor(private readonly cache: StatsCache) {}

  /** Cached aggregates are answered from memory ahead of the request pipeline (see publicCacheFastPath). */
  onModuleInit(): void {
    this.cache.serveFromMemory('/api/v1/stats/');
  }
}
