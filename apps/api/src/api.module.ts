import { Module } from '@nestjs/common';
import { HealthModule, PlatformModule } from '@gcm/platform';
import { AccountsModule } from '@gcm/accounts';
import { FrameworkModule } from '@gcm/framework';
import { NotificationsModule } from '@gcm/notifications';
import { PracticesModule } from '@gcm/practices';
import { ReportsModule } from '@gcm/reports';
import { StartupService } from './startup.service';

/** Composition only: feature modules plus the platform. */
@Module({
  imports: [PlatformModule.forRoot(), HealthModule, FrameworkModule, AccountsModule, PracticesModule, ReportsModule, NotificationsModule],
  providers: [StartupService],
})
export class ApiModule {}
