import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation } from '@gcm/accounts';
import { FrameworkModule } from '@gcm/framework';
import { PLEDGE_ENTITIES } from './entities';
import { PledgeExportService } from './public/pledge-export.service';
import { PledgeProgressRegistry } from './public/pledge-progress.registry';
import { PledgePublicService } from './public/pledge-public.service';
import { PledgesPublicController } from './public/pledges-public.controller';
import { PledgeReviewController } from './review/pledge-review.controller';
import { PledgeReviewService } from './review/pledge-review.service';
import { PledgeVersionsService } from './workspace/pledge-versions.service';
import { PledgesWorkspaceController } from './workspace/pledges-workspace.controller';
import { PledgeWorkspaceService } from './workspace/pledge-workspace.service';

@Module({
  // Organisation is listed so the pledge relations resolve in any app that loads this module.
  imports: [TypeOrmModule.forFeature([...PLEDGE_ENTITIES, Organisation]), FrameworkModule],
  controllers: [PledgesPublicController, PledgesWorkspaceController, PledgeReviewController],
  providers: [
    PledgeWorkspaceService, PledgeVersionsService, PledgeReviewService, PledgePublicService,
    PledgeExportService, PledgeProgressRegistry,
  ],
  exports: [PledgePublicService, PledgeProgressRegistry, PledgeWorkspaceService, TypeOrmModule],
})
export class PledgesModule {}
