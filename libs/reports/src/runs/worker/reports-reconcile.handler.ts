import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, JobName, QueueName, QueueService } from '@gcm/platform';
import { ReportsReconcileService } from './reports-reconcile.service';

const EVERY_MS = 60_000;

/** Every minute; the schedule is registered when the worker starts (upsert: one schedule however many workers). */
@Injectable()
export class ReportsReconcileHandler implements JobHandler<JobName.ReportsReconcile>, OnApplicationBootstrap {
  readonly jobName = JobName.ReportsReconcile;

  constructor(
    private readonly reconciler: ReportsReconcileService,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.queue(QueueName.Reports).upsertJobScheduler('reports-reconcile', { every: EVERY_MS }, {
      name: JobName.ReportsReconcile,
      data: {},
      opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    });
  }

  handle() {
    return this.reconciler.reconcile();
  }
}
