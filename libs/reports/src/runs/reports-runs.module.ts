import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@gcm/accounts';
import { FrameworkModule } from '@gcm/framework';
import { ReportingModule } from '@gcm/reporting';
import { ExpertReport } from '../experts/expert-report.entity';
import { ExpertReportsController } from '../experts/expert-reports.controller';
import { ExpertReportsService } from '../experts/expert-reports.service';
import { ReportRunsController } from './api/report-runs.controller';
import { ReportsPublicController } from './api/reports-public.controller';
import { CycleClosedReportsListener } from './cycle-closed-reports.listener';
import { DatasetSlicer } from './dataset/dataset-slicer';
import { FlowSnapshotStore } from './dataset/flow-snapshot.store';
import { ReportDatasetLoader } from './dataset/report-dataset.loader';
import { REPORT_RUN_ENTITIES } from './entities';
import { MonitorSession } from './monitor/monitor-session';
import { QueueMonitorController } from './monitor/queue-monitor.controller';
import { QueueMonitorMount } from './monitor/queue-monitor.mount';
import { ReportFlowService } from './report-flow.service';
import { ReportRunsService } from './report-runs.service';
import { ReportTargetResolver } from './report-target.resolver';
import { ReportVersionsService } from './report-versions.service';
import { ReportBuildHandler } from './worker/report-build.handler';
import { ReportBuildService } from './worker/report-build.service';
import { ReportCompileHandler } from './worker/report-compile.handler';
import { ReportRenderer } from './worker/report-renderer';
import { ReportRunStore } from './worker/report-run.store';
import { ReportVersionStore } from './worker/report-version.store';
import { ReportsReconcileHandler } from './worker/reports-reconcile.handler';
import { ReportsReconcileService } from './worker/reports-reconcile.service';

/** Shared by the API and the worker: the tables and the services that write runs and flows. */
@Module({
  imports: [TypeOrmModule.forFeature([...REPORT_RUN_ENTITIES, ExpertReport])],
  providers: [ReportTargetResolver, ReportRunsService, ReportVersionsService, ReportFlowService],
  exports: [ReportTargetResolver, ReportRunsService, ReportVersionsService, ReportFlowService, TypeOrmModule],
})
export class ReportsCoreModule {}

/** API side: the secretariat's report desk, public downloads, expert reports, the queue monitor, and the cycle-closed hook. */
@Module({
  imports: [ReportsCoreModule, AccountsModule, ReportingModule],
  controllers: [ReportRunsController, ReportsPublicController, QueueMonitorController, ExpertReportsController],
  providers: [ExpertReportsService, MonitorSession, QueueMonitorMount, CycleClosedReportsListener],
})
export class ReportsModule {}

/** Worker side: builds, the cycle flow's parent, and the reconcile sweep. No HTTP routes of its own. */
@Module({
  imports: [ReportsCoreModule, FrameworkModule],
  providers: [
    ReportDatasetLoader, FlowSnapshotStore, { provide: DatasetSlicer, useValue: new DatasetSlicer() }, ReportRunStore, ReportVersionStore, ReportRenderer, ReportBuildService,
    ReportBuildHandler, ReportCompileHandler, ReportsReconcileService, ReportsReconcileHandler,
  ],
  exports: [ReportBuildHandler, ReportCompileHandler, ReportsReconcileHandler, ReportBuildService, ReportDatasetLoader, DatasetSlicer, ReportsReconcileService],
})
export class ReportsWorkerModule {}
