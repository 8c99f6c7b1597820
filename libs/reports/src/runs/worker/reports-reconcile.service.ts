import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, QueueName, QueueService } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { ReportFlowService } from '../report-flow.service';
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
 * too often) is marked failed with BullMQ's reason. Old flow snapshots go.
 */
@Injectable()
export class ReportsReconcileService {
  private readonly logger = new Logger(ReportsReconcileService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly flows: ReportFlowService,
    private readonly runs: ReportRunStore,
  ) {}

  async reconcile(graceSeconds = 120): Promise<{ requeued: number; failed: number }> {
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
        await this.runs.fail(run.id, `Error: ${job?.failedReason ?? 'the job failed'}`, true);
        failed++;
      } else if (state === 'missing' || state === 'unknown' || state === 'completed') {
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
    if (requeued || failed) this.logger.warn({ requeued, failed }, 'report runs reconciled with the queue');
    // A flow's data snapshot is kept a week after its last run ended, for retries of its reports.
    await this.dataSource.query(
      `DELETE FROM report_snapshot s WHERE s.created_at < now() - interval '7 days'
          AND NOT EXISTS (SELECT 1 FROM report_run r WHERE (r.id = s.root_run_id OR r.parent_run_id = s.root_run_id)
                            AND (r.status IN ('queued', 'running') OR r.finished_at > now() - interval '7 days'))`,
    );
    return { requeued, failed };
  }
}
