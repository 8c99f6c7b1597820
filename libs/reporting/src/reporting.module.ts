import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SheetImport } from '@gcm/platform';
import { PledgesCoreModule } from '@gcm/pledges';
import { ReportingConfigModule } from './config/reporting-config.module';
import { ReportingConfig } from './config/reporting-config';
import { CycleEvents } from './cycles/cycle-events';
import { CyclesController } from './cycles/cycles.controller';
import { CyclesService } from './cycles/cycles.service';
import { REPORTING_ENTITIES } from './entities';
import { ApprovalsController } from './updates/approvals.controller';
import { ApprovalsService } from './updates/approvals.service';
import { ExtensionsController } from './extensions/extensions.controller';
import { ExtensionsService } from './extensions/extensions.service';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceService } from './evidence/evidence.service';
import { EvidenceLinksCheckHandler } from './evidence/evidence-links.handler';
import { EvidenceLinksService } from './evidence/evidence-links.service';
import { EvidenceUploadsController } from './evidence/uploads/evidence-uploads.controller';
import { EvidenceUploadsPruneHandler } from './evidence/uploads/evidence-uploads-prune.handler';
import { EvidenceUploadsService } from './evidence/uploads/evidence-uploads.service';
import { MyWorkController } from './my-work/my-work.controller';
import { MyWorkService } from './my-work/my-work.service';
import { PublicProgressSource } from './public/public-progress.source';
import { ProgressUpdatesService } from './updates/progress-updates.service';
import { UpdateReviewController } from './updates/update-review.controller';
import { UpdateReviewService } from './updates/update-review.service';
import { UpdatesController } from './updates/updates.controller';
import { WorkbenchController } from './workbench/workbench.controller';
import { WorkbenchService } from './workbench/workbench.service';
import { WorkbookService } from './workbook/workbook.service';

const SERVICES = [
  CycleEvents, CyclesService, ProgressUpdatesService, UpdateReviewService, EvidenceService, MyWorkService, PublicProgressSource, ExtensionsService,
  ApprovalsService, WorkbenchService, WorkbookService, EvidenceLinksService, EvidenceLinksCheckHandler, EvidenceUploadsService,
  EvidenceUploadsPruneHandler,
];

/** Cycles, progress updates, evidence and their review: tables and services, no routes (the worker compiles cycles through it). */
@Module({
  imports: [TypeOrmModule.forFeature([...REPORTING_ENTITIES, SheetImport]), PledgesCoreModule, ReportingConfigModule],
  providers: SERVICES,
  exports: [...SERVICES, TypeOrmModule],
})
export class ReportingCoreModule {}

/** The reporting routes, with the upload limits of evidence files. */
@Module({
  imports: [
    ReportingCoreModule,
    // Evidence files stay in memory (≤ EVIDENCE_MAX_BYTES) until hashed and stored; beyond the limit multer answers 413.
    MulterModule.registerAsync({
      imports: [ReportingConfigModule],
      inject: [ReportingConfig],
      // Browsers send file names as raw UTF-8 without a charset parameter; busboy's default would read them as Latin-1.
      useFactory: (config: ReportingConfig) => ({
        limits: { fileSize: config.EVIDENCE_MAX_BYTES, files: 1, fields: 5 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [
    CyclesController, UpdatesController, UpdateReviewController, EvidenceController, EvidenceUploadsController, MyWorkController, ExtensionsController, ApprovalsController,
    WorkbenchController,
  ],
})
export class ReportingHttpModule {}
