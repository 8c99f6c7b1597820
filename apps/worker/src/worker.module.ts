import { Module } from '@nestjs/common';
import { HealthModule, JOB_HANDLERS, PlatformModule, WorkerRunner } from '@gcm/platform';
import { NotificationSendHandler, NotificationsWorkerModule, RemindersScanHandler } from '@gcm/notifications';
import { PracticesImportHandler, PracticesModule } from '@gcm/practices';
import { ReportBuildHandler, ReportCompileHandler, ReportsReconcileHandler, ReportsWorkerModule } from '@gcm/reports';

/** Composition only: the job handlers of each feature, and the runner that consumes every queue. */
@Module({
  imports: [PlatformModule.forRoot(), HealthModule, PracticesModule, ReportsWorkerModule, NotificationsWorkerModule],
  providers: [
    {
      provide: JOB_HANDLERS,
      inject: [
        PracticesImportHandler, ReportBuildHandler, ReportCompileHandler, ReportsReconcileHandler, RemindersScanHandler, NotificationSendHandler,
      ],
      useFactory: (...handlers: unknown[]) => handlers,
    },
    WorkerRunner,
  ],
})
export class WorkerModule {}
