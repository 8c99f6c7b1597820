import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobSchedule } from '@gcm/platform';
import { SubscriptionsConfig } from '../config/subscriptions-config';
import { SubscriptionMailService } from './subscription-mail.service';

/** Repeatable (SUBSCRIPTION_MAIL_EVERY_MINUTES), registered by the worker's runner only; each subscriber gets at most one mail a day. */
@Injectable()
export class SubscriptionsMailHandler implements JobHandler<JobName.SubscriptionsMail> {
  readonly jobName = JobName.SubscriptionsMail;
  readonly schedule: JobSchedule;

  constructor(
    private readonly mail: SubscriptionMailService,
    config: SubscriptionsConfig,
  ) {
    this.schedule = { id: 'subscriptions-mail', everyMs: config.SUBSCRIPTION_MAIL_EVERY_MINUTES * 60_000 };
  }

  handle() {
    return this.mail.mailDue();
  }
}
