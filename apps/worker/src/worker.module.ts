import { Module } from '@nestjs/common';
import { HealthModule, JOB_HANDLERS, PlatformModule, WorkerRunner } from '@gcm/platform';
import { AccountsCoreModule, RetentionPruneHandler } from '@gcm/accounts';
import { NotificationSendHandler, NotificationsCoreModule, RemindersScanHandler } from '@gcm/notifications';
import { PracticesCoreModule, PracticesImportHandler } from '@gcm/practices';
import { SubscriptionsCoreModule, SubscriptionsMailHandler, WebhookDeliverHandler, WebhooksDispatchHandler } from '@gcm/subscriptions';
import { ReportBuildHandler, ReportCompileHandler, ReportsCoreModule, ReportsReconcileHandler } from '@gcm/reports';
import { EvidenceLinksCheckHandler, EvidenceUploadsPruneHandler, ReportingCoreModule } from '@gcm/reporting';

/**
 * Composition only: the core modules whose job handlers the runner consumes. No feature HTTP module is
 * imported, so the worker's port serves HealthModule's /health and /health/ready and nothing else.
 */
@Module({
  imports: [PlatformModule.forRoot(), HealthModule, PracticesCoreModule, ReportsCoreModule, NotificationsCoreModule, AccountsCoreModule, SubscriptionsCoreModule,
    ReportingCoreModule],
  providers: [
    {
      provide: JOB_HANDLERS,
      inject: [
        PracticesImportHandler, ReportBuildHandler, ReportCompileHandler, ReportsReconcileHandler, RemindersScanHandler, NotificationSendHandler,
        RetentionPruneHandler, WebhooksDispatchHandler, WebhookDeliverHandler, SubscriptionsMailHandler,
        EvidenceLinksCheckHandler,
        EvidenceUploadsPruneHandler,
      ],
      useFactory: (...handlers: unknown[]) => handlers,
    },
    WorkerRunner,
  ],
})
export class WorkerModule {}
