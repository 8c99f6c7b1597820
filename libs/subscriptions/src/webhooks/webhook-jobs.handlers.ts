import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads, JobSchedule } from '@gcm/platform';
import type { Job } from 'bullmq';
import { SubscriptionsConfig } from '../config/subscriptions-config';
import { WebhooksService } from './webhooks.service';

/** Repeatable (WEBHOOK_DISPATCH_EVERY_SECONDS), registered by the worker's runner only. */
@Injectable()
export class WebhooksDispatchHandler implements JobHandler<JobName.WebhooksDispatch> {
  readonly jobName = JobName.WebhooksDispatch;
  readonly schedule: JobSchedule;

  constructor(
    private readonly webhooks: WebhooksService,
    config: SubscriptionsConfig,
  ) {
    this.schedule = { id: 'webhooks-dispatch', everyMs: config.WEBHOOK_DISPATCH_EVERY_SECONDS * 1000 };
  }

  async handle() {
    return { queued: await this.webhooks.dispatch() };
  }
}

@Injectable()
export class WebhookDeliverHandler implements JobHandler<JobName.WebhookDeliver> {
  readonly jobName = JobName.WebhookDeliver;

  constructor(private readonly webhooks: WebhooksService) {}

  handle(job: Job<JobPayloads[JobName.WebhookDeliver]>) {
    const attempts = job.opts.attempts ?? 1;
    return this.webhooks.deliver(job.data.deliveryId, job.attemptsMade + 1 >= attempts);
  }
}
