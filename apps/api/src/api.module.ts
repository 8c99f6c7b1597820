import { Module } from '@nestjs/common';
import { HealthModule, PlatformModule } from '@gcm/platform';
import { AccountsModule } from '@gcm/accounts';
import { FrameworkModule } from '@gcm/framework';
import { PledgesModule } from '@gcm/pledges';
import { PracticesModule } from '@gcm/practices';
import { ReportingModule } from '@gcm/reporting';
import { StartupService } from './startup.service';

/** Composition only: feature modules plus the platform. */
@Module({
  imports: [PlatformModule.forRoot(), HealthModule, FrameworkModule, AccountsModule, PracticesModule, PledgesModule, ReportingModule],
  providers: [StartupService],
})
export class ApiModule {}
