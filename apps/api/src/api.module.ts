import { Module } from '@nestjs/common';
import { HealthModule, PlatformModule } from '@gcm/platform';
import { AccountsCoreModule, AccountsHttpModule } from '@gcm/accounts';
import { DashboardHttpModule } from '@gcm/dashboard';
import { FrameworkCoreModule, FrameworkHttpModule } from '@gcm/framework';
import { NotificationsHttpModule } from '@gcm/notifications';
import { PledgesHttpModule } from '@gcm/pledges';
import { PracticesCoreModule, PracticesHttpModule } from '@gcm/practices';
import { ReportingHttpModule } from '@gcm/reporting';
import { ReportsCoreModule, ReportsHttpModule } from '@gcm/reports';
import { SubscriptionsHttpModule } from '@gcm/subscriptions';
import { StartupService } from './startup.service';
import { WebModule } from './web/web.module';

/**
 * Composition only: every feature's HTTP module (each imports its core), the
 * cores whose services start-up uses, and the platform. AccountsHttpModule
 * brings the access guard that every route passes through. ReportsCoreModule
 * is listed so closing a cycle queues its report flow. WebModule serves the
 * browser app.
 */
@Module({
  // WebModule last: its catch-all serves the browser app after every API route.
  imports: [
    PlatformModule.forRoot(), HealthModule, FrameworkCoreModule, AccountsCoreModule, PracticesCoreModule, ReportsCoreModule,
    FrameworkHttpModule, AccountsHttpModule, PracticesHttpModule, PledgesHttpModule, ReportingHttpModule, ReportsHttpModule,
    NotificationsHttpModule, DashboardHttpModule, SubscriptionsHttpModule, WebModule,
  ],
  providers: [StartupService],
})
export class ApiModule {}
