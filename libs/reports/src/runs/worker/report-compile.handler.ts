import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads } from '@gcm/platform';
import { CyclesService } from '@gcm/reporting';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { ReportBuildService } from './report-build.service';
import { runBuildJob } from './report-job';
import type { RunRecord } from './report-run.store';

/**
 * The parent of a cycle's flow: BullMQ starts it once every child has
 * finished. It builds the IMRF summary and, in the transaction that marks
 * the run completed, has the reporting lib move the cycle from closed to
 * compiled (its transition and audit entry; a cycle reopened meanwhile is
 * left alone).
 */
@Injectable()
export class ReportCompileHandler implements JobHandler<JobName.ReportCompile> {
  readonly jobName = JobName.ReportCompile;

  constructor(
    private readonly builds: ReportBuildService,
    private readonly cycles: CyclesService,
  ) {}

  handle(job: Job<JobPayloads[JobName.ReportCompile]>) {
    return runBuildJob(this.builds, job, (run, m) => this.compileCycle(run, m));
  }

  private async compileCycle(run: RunRecord, m: EntityManager): Promise<void> {
    if (!run.flowId || run.target.cycleIds.length !== 1) return;
    await this.cycles.markCompiled(run.target.cycleIds[0], m, { summaryRunId: run.id });
  }
}
