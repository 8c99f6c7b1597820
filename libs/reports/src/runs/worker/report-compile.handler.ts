import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads } from '@gcm/platform';
import { CyclesService } from '@gcm/reporting';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { ReportsConfig } from '../reports-config';
import { ReportBuildService } from './report-build.service';
import { runBuildJob } from './report-job';
import type { RunRecord } from './report-run.store';

/**
 * The parent of a cycle's flow: BullMQ starts it once every child has
 * finished (completed, or failed for good: the children ignore their
 * dependency on failure so that one broken report cannot hold the rest
 * back). It builds the IMRF summary and, in the transaction that marks the
 * run completed, has the reporting lib move the cycle to `compiled` when
 * every child run completed, or to `compiled_with_failures` when any did not
 * (the database, not BullMQ's bookkeeping, is asked: it also knows runs
 * failed by the reconcile job). A cycle reopened meanwhile is left alone.
 */
@Injectable()
export class ReportCompileHandler implements JobHandler<JobName.ReportCompile> {
  readonly jobName = JobName.ReportCompile;
  private readonly logger = new Logger(ReportCompileHandler.name);

  constructor(
    private readonly builds: ReportBuildService,
    private readonly cycles: CyclesService,
    private readonly config: ReportsConfig,
  ) {}

  handle(job: Job<JobPayloads[JobName.ReportCompile]>, token?: string) {
    return runBuildJob(this.builds, job, token, { infraRetryMs: this.config.REPORT_INFRA_RETRY_MINUTES * 60_000 }, (run, m) =>
      this.compileCycle(run, m));
  }

  private async compileCycle(run: RunRecord, m: EntityManager): Promise<void> {
    if (!run.flowId || run.target.cycleIds.length !== 1) return;
    const [{ unfinished }]: [{ unfinished: number }] = await m.query(
      `SELECT count(*) FILTER (WHERE status <> 'completed')::int AS unfinished FROM report_run WHERE parent_run_id = $1`,
      [run.id],
    );
    if (unfinished > 0) this.logger.warn({ cycleId: run.target.cycleIds[0], failedRuns: unfinished }, 'cycle compiled with failed reports');
    await this.cycles.markCompiled(run.target.cycleIds[0], m, { summaryRunId: run.id, failedRuns: unfinished }, unfinished);
  }
}
