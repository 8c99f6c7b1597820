import { Module } from '@nestjs/common';
import { HealthModule, PlatformModule } from '@gcm/platform';
import { AccountsModule } from '@gcm/accounts';
import { DashboardModule } from '@gcm/dashboard';
import { FrameworkModule } from '@gcm/framework';
import { NotificationsModule } from '@gcm/notifications';
import { PledgesModule } from '@gcm/pledges';
import { PracticesModule } from '@gcm/practices';
import { ReportingModule } from '@gcm/reporting';
import { ReportsModule } from '@gcm/reports';
import { StartupService } from './startup.service';
import { WebModule } from './web/web.module';

/** Composition only: feature modules plus the platform; WebModule serves the browser app. */
@Module({
  // WebModule last: its catch-all serves the browser app after every API route.
  imports: [
    PlatformModule.forRoot(), HealthModule, FrameworkModule, AccountsModule, PracticesModule, PledgesModule, ReportingModule,
    ReportsModule, NotificationsModule, DashboardModule, WebModule,
  ],
  providers: [StartupService],
})
export class ApiModule {}
