import { Injectable } from '@nestjs/common';
import { AppConfig, JobHandler, JobName, JobSchedule } from '@gcm/platform';
import { RetentionService } from './retention.service';

/** Repeatable (RETENTION_PRUNE_EVERY_MINUTES), registered by the worker's runner only. */
@Injectable()
export class RetentionPruneHandler implements JobHandler<JobName.RetentionPrune> {
  readonly jobName = JobName.RetentionPrune;
  readonly schedule: JobSchedule;

  constructor(
    private readonly retention: RetentionService,
    config: AppConfig,
  ) {
    this.schedule = { id: 'retention-prune', everyMs: config.RETENTION_PRUNE_EVERY_MINUTES * 60_000 };
  }

  handle() {
    return this.retention.prune();
  }
}
