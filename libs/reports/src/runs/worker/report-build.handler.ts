import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads } from '@gcm/platform';
import type { Job } from 'bullmq';
import { ReportsConfig } from '../reports-config';
import { ReportBuildService } from './report-build.service';
import { runBuildJob } from './report-job';

/** One report of any kind, requested on its own or as a child of a cycle's flow. */
@Injectable()
export class ReportBuildHandler implements JobHandler<JobName.ReportBuild> {
  readonly jobName = JobName.ReportBuild;

  constructor(
    private readonly builds: ReportBuildService,
    private readonly config: ReportsConfig,
  ) {}

  handle(job: Job<JobPayloads[JobName.ReportBuild]>, token?: string) {
    return runBuildJob(this.builds, job, token, { infraRetryMs: this.config.REPORT_INFRA_RETRY_MINUTES * 60_000 });
  }
}
