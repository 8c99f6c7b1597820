import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, JobName, QueueName, QueueService } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { CycleReportsService } from '../cycle-reports.service';
import { ReportFlowService } from '../report-flow.service';
import { ReportRunsService } from '../report-runs.service';
import { classifyMessage } from './job-errors';
import { ReportRunStore } from './report-run.store';

interface StaleRun {
  id: string;
  kind: string;
  flowId: string | null;
  parentRunId: string | null;
}

/**
 * The sweep behind "no queued report is lost": a run the database says is
 * queued or running but whose job Redis no longer has (an API process died
 * between COMMIT and enqueue, Redis lost data) is enqueued again; one whose
 * job failed for good without the handler recording it (a job that stalled
 * too often) is marked failed with BullMQ's reason. Runs that failed only
 * because the database or Redis stayed unreachable past the retry window
 * are re-queued (this job running means both answer again): a standalone
 * run by itself, a cycle's by retrying its flow once the flow has ended.
 * Old flow snapshots go.
 */
@Injectable()
export class ReportsReconcileService {
  private readonly logger = new Logger(ReportsReconcileService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly flows: ReportFlowService,
    private readonly runs: ReportRunStore,
    private readonly requests: ReportRunsService,
    private readonly cycleReports: CycleReportsService,
  ) {}

  async reconcile(graceSeconds = 120): Promise<{ requeued: number; failed: number; infraRetried: number }> {
    const stale: StaleRun[] = await this.dataSource.query(
      `SELECT id, kind, flow_id AS "flowId", parent_run_id AS "parentRunId" FROM report_run
        WHERE status IN ('queued', 'running') AND updated_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT 1000`,
      [graceSeconds],
    );
    const queue = this.queues.queue(QueueName.Reports);
    let requeued = 0;
    let failed = 0;
    const flowsToRestore = new Set<string>();
    for (const run of stale) {
      const job = await queue.getJob(run.id);
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed') {
        const reason = job?.failedReason ?? 'the job failed';
        await this.runs.fail(run.id, `Error: ${reason}`, true, classifyMessage(reason) === 'infra' ? 'infra' : 'build');
        failed++;
      } else if ((state === 'missing' || state === 'unknown' || state === 'completed') && (await this.stillActive(run.id))) {
        if (state === 'completed') await job?.remove({ removeChildren: false });
        if (run.flowId) flowsToRestore.add(run.flowId);
        else await this.queues.enqueue(JobName.ReportBuild, { runId: run.id }, { jobId: run.id });
        requeued++;
      }
    }
    for (const flowId of flowsToRestore) {
      const flow = await this.flows.storedFlow(flowId);
      if (flow) await this.flows.enqueue(flow);
    }
    const infraRetried = await this.retryInfraFailures();
    if (requeued || failed || infraRetried) this.logger.warn({ requeued, failed, infraRetried }, 'report runs reconciled with the queue');
    // A flow's data snapshot is kept a week after its last run ended, for retries of its reports.
    await this.dataSource.query(
      `DELETE FROM report_snapshot s WHERE s.created_at < now() - interval '7 days'
          AND NOT EXISTS (SELECT 1 FROM report_run r WHERE (r.id = s.root_run_id OR r.parent_run_id = s.root_run_id)
                            AND (r.status IN ('queued', 'running') OR r.finished_at > now() - interval '7 days'))`,
    );
    return { requeued, failed, infraRetried };
  }

  /** The job may have completed the run between the sweep's read and its look at the job: then there is nothing to restore. */
  private async stillActive(id: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT status IN ('queued', 'running') AS active FROM report_run WHERE id = $1`, [id]);
    return Boolean(row?.active);
  }

  /** Runs failed for infrastructure reasons, queued again; returns how many. */
  private async retryInfraFailures(): Promise<number> {
    let retried = 0;
    const single: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM report_run WHERE status = 'failed' AND failure_kind = 'infra' AND flow_id IS NULL ORDER BY finished_at LIMIT 200`,
    );
    for (const { id } of single) {
      // 409: an identical run is active meanwhile, which makes this one moot.
      retried += await this.requests.retry(id).then(() => 1, (err: Error) => this.skip(err, id));
    }
    const cycles: { code: string }[] = await this.dataSource.query(
      `SELECT DISTINCT c.code FROM report_run r JOIN reporting_cycle c ON r.flow_id = 'cycle-' || c.id
        WHERE r.status = 'failed' AND r.failure_kind = 'infra' AND c.status IN ('closed', 'compiled_with_failures')
          AND NOT EXISTS (SELECT 1 FROM report_run s WHERE s.flow_id = r.flow_id AND s.parent_run_id IS NULL AND s.status IN ('queued', 'running'))`,
    );
    for (const { code } of cycles) {
      retried += await this.cycleReports.retryFailed(code, 'infra').then((r) => r.retried || 1, (err: Error) => this.skip(err, code));
    }
    return retried;
  }

  private skip(err: Error, what: string): number {
    if (!(err instanceof DomainError)) throw err;
    this.logger.warn({ what, err: err.message }, 'an infrastructure failure was not re-queued');
    return 0;
  }
}
