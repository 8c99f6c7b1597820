import { Injectable } from '@nestjs/common';
import { AppConfig, JobHandler, JobName, JobPayloads, JobSchedule, QueueService } from '@gcm/platform';
import type { Job } from 'bullmq';
import { NotificationSender } from './notification-sender.service';
import { RemindersService } from './reminders/reminders.service';

/** Repeatable (REMINDER_SCAN_EVERY_MINUTES); each new notification is e-mailed by its own job. */
@Injectable()
export class RemindersScanHandler implements JobHandler<JobName.RemindersScan> {
  readonly jobName = JobName.RemindersScan;
  readonly schedule: JobSchedule;

  constructor(
    private readonly reminders: RemindersService,
    private readonly queues: QueueService,
    config: AppConfig,
  ) {
    this.schedule = { id: 'reminders-scan', everyMs: config.REMINDER_SCAN_EVERY_MINUTES * 60_000 };
  }

  async handle() {
    const result = await this.reminders.scan();
    // Those of an earlier scan whose process died before enqueuing them; the job id keeps this from doubling.
    const stranded = await this.reminders.unsentSince(5);
    await enqueueSends(this.queues, [...new Set([...result.notificationIds, ...stranded])]);
    return result;
  }
}

/** The job id is the notification's, so enqueuing one twice sends it once. */
async function enqueueSends(queues: QueueService, ids: string[]): Promise<void> {
  for (const id of ids) await queues.enqueue(JobName.NotificationSend, { notificationId: id }, { jobId: `notification-${id}` });
}

@Injectable()
export class NotificationSendHandler implements JobHandler<JobName.NotificationSend> {
  readonly jobName = JobName.NotificationSend;

  constructor(private readonly sender: NotificationSender) {}

  async handle(job: Job<JobPayloads[JobName.NotificationSend]>) {
    return { outcome: await this.sender.send(job.data.notificationId) };
  }
}
