import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsCoreModule, Organisation } from '@gcm/accounts';
import { FrameworkCoreModule } from '@gcm/framework';
import { PLEDGE_ENTITIES } from './entities';
import { PledgeImportController } from './import/pledge-import.controller';
import { PledgeImportService } from './import/pledge-import.service';
import { ImplementationStatusService } from './progress/implementation-status.service';
import { PledgeExportService } from './public/pledge-export.service';
import { PledgeProgressRegistry } from './public/pledge-progress.registry';
import { PledgePublicService } from './public/pledge-public.service';
import { PledgesPublicController } from './public/pledges-public.controller';
import { PledgeReviewController } from './review/pledge-review.controller';
import { PledgeReviewService } from './review/pledge-review.service';
import { PledgeVersionsService } from './workspace/pledge-versions.service';
import { PledgesWorkspaceController } from './workspace/pledges-workspace.controller';
import { PledgeWorkspaceService } from './workspace/pledge-workspace.service';
import { TeamController } from './team/team.controller';
import { TeamService } from './team/team.service';

const SERVICES = [
  PledgeWorkspaceService, PledgeVersionsService, PledgeReviewService, PledgePublicService, PledgeExportService,
  PledgeProgressRegistry, ImplementationStatusService, PledgeImportService,
];

/** Pledges' tables and services (working copy, versions, review, public reads and exports). No routes. */
@Module({
  // Organisation is listed so the pledge relations resolve in any app that loads this module.
  imports: [TypeOrmModule.forFeature([...PLEDGE_ENTITIES, Organisation]), FrameworkCoreModule],
  providers: SERVICES,
  exports: [...SERVICES, TypeOrmModule],
})
export class PledgesCoreModule {}

/** The pledges routes: public list and exports, the focal points' workspace, the secretariat's review, the organisation's team. */
@Module({
  imports: [PledgesCoreModule, AccountsCoreModule],
  providers: [TeamService],
  controllers: [PledgesPublicController, PledgesWorkspaceController, PledgeReviewController, TeamController, PledgeImportController],
})
export class PledgesHttpModule {}
