import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsCoreModule } from '@gcm/accounts';
import { FrameworkCoreModule } from '@gcm/framework';
import { ReportingCoreModule } from '@gcm/reporting';
import { ReportEditorialController } from '../editorial/report-editorial.controller';
import { ReportEditorialService } from '../editorial/report-editorial.service';
import { ExpertReport } from '../experts/expert-report.entity';
import { ExpertReportsController } from '../experts/expert-reports.controller';
import { ExpertReportsService } from '../experts/expert-reports.service';
import { ReportRunsController } from './api/report-runs.controller';
import { ReportsPublicController } from './api/reports-public.controller';
import { CycleReportsController } from './api/cycle-reports.controller';
import { CycleClosedReportsListener } from './cycle-closed-reports.listener';
import { CycleReportsService } from './cycle-reports.service';
import { DatasetSlicer } from './dataset/dataset-slicer';
import { FlowSnapshotStore } from './dataset/flow-snapshot.store';
import { ReportDatasetLoader } from './dataset/report-dataset.loader';
import { REPORT_RUN_ENTITIES } from './entities';
import { MonitorSession } from './monitor/monitor-session';
import { QueueMonitorController } from './monitor/queue-monitor.controller';
import { QueueMonitorMount } from './monitor/queue-monitor.mount';
import { ReportFlowService } from './report-flow.service';
import { loadReportsConfig, ReportsConfig } from './reports-config';
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

const HANDLERS = [ReportBuildHandler, ReportCompileHandler, ReportsReconcileHandler];

/**
 * Runs, versions, files, flows and expert reports: the tables, the services
 * that request and publish them, the builds and the job handlers (inert until
 * the worker's runner consumes the queues; the render threads start on first
 * use). Closing a cycle in any app that loads this module queues its flow.
 * No routes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...REPORT_RUN_ENTITIES, ExpertReport]), FrameworkCoreModule, ReportingCoreModule],
  providers: [
    { provide: ReportsConfig, useFactory: () => loadReportsConfig() },
    ReportTargetResolver, ReportRunsService, ReportVersionsService, ReportFlowService, ExpertReportsService, CycleClosedReportsListener,
    ReportDatasetLoader, FlowSnapshotStore, { provide: DatasetSlicer, useValue: new DatasetSlicer() }, ReportRunStore, ReportVersionStore,
    ReportRenderer, ReportEditorialService, ReportBuildService, ReportsReconcileService, CycleReportsService, ...HANDLERS,
  ],
  exports: [ReportRunsService, ReportVersionsService, ReportEditorialService, ExpertReportsService, CycleReportsService, ...HANDLERS],
})
export class ReportsCoreModule {}

/** The secretariat's report desk, public downloads, expert reports and the queue monitor (API only). */
@Module({
  imports: [ReportsCoreModule, AccountsCoreModule],
  controllers: [ReportEditorialController, ReportRunsController, CycleReportsController, ReportsPublicController, QueueMonitorController, ExpertReportsController],
  providers: [MonitorSession, QueueMonitorMount],
})
export class ReportsHttpModule {}
