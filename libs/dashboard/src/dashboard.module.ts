import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StatsCache } from '@gcm/platform';
import { PublicJsonResponder } from './http/public-json.responder';
import { DASHBOARD_ENTITIES } from './read-model';
import { RelatedPracticesController } from './related/related-practices.controller';
import { OpenDataController } from './open-data/open-data.controller';
import { OpenDataService } from './open-data/open-data.service';
import { SiteMapController } from './site-map/site-map.controller';
import { SiteMapRepository } from './site-map/site-map.repository';
import { StatsController } from './stats/stats.controller';
import { StatsService } from './stats/stats.service';

/** The read model's tables and the services that aggregate and stream it. No routes. */
@Module({
  imports: [TypeOrmModule.forFeature(DASHBOARD_ENTITIES)],
  providers: [StatsService, OpenDataService, SiteMapRepository],
  exports: [StatsService, OpenDataService, SiteMapRepository],
})
export class DashboardCoreModule {}

/** Public read side over HTTP: dashboard aggregates, open-data downloads, related practices, robots.txt and sitemap.xml. */
@Module({
  imports: [DashboardCoreModule],
  controllers: [StatsController, OpenDataController, RelatedPracticesController, SiteMapController],
  providers: [PublicJsonResponder],
})
export class DashboardHttpModule implements OnModuleInit {
  constructor(private readonly cache: StatsCache) {}

  /** Cached aggregates are answered from memory ahead of the request pipeline (see publicCacheFastPath). */
  onModuleInit(): void {
    this.cache.serveFromMemory('/api/v1/stats/');
  }
}
