import { Injectable } from '@nestjs/common';
import { AuditService, JobHandler, JobName, JobPayloads } from '@gcm/platform';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { ReportBuildService } from './report-build.service';
import { runBuildJob } from './report-job';
import type { RunRecord } from './report-run.store';

/**
 * The parent of a cycle's flow: BullMQ starts it once every child has
 * finished. It builds the IMRF summary and, in the transaction that marks
 * the run completed, moves the cycle from closed to compiled (the same
 * transition and audit entry as the reporting lib's markCompiled; done here
 * in SQL so the worker does not mount the reporting HTTP module). A cycle
 * reopened meanwhile is left alone.
 */
@Injectable()
export class ReportCompileHandler implements JobHandler<JobName.ReportCompile> {
  readonly jobName = JobName.ReportCompile;

  constructor(
    private readonly builds: ReportBuildService,
    private readonly audit: AuditService,
  ) {}

  handle(job: Job<JobPayloads[JobName.ReportCompile]>) {
    return runBuildJob(this.builds, job, (run, m) => this.compileCycle(run, m));
  }

  private async compileCycle(run: RunRecord, m: EntityManager): Promise<void> {
    if (!run.flowId || run.target.cycleIds.length !== 1) return;
    const [rows]: [{ id: string }[]] = await m.query(
      `UPDATE reporting_cycle SET status = 'compiled', compiled_at = now(), version = version + 1
        WHERE id = $1 AND status = 'closed' RETURNING id`,
      [run.target.cycleIds[0]],
    );
    if (rows.length === 0) return;
    await this.audit.record(m, {
      action: 'cycle.compile', entityType: 'reporting_cycle', entityId: rows[0].id,
      before: { status: 'closed' }, after: { status: 'compiled', summaryRunId: run.id },
    });
  }
}
