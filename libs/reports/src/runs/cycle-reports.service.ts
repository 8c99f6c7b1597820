import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError, ErrorCode, QueueName, QueueService } from '@gcm/platform';
import { CyclesService } from '@gcm/reporting';
import { DataSource } from 'typeorm';
import { flowIdOf, ReportFlowService } from './report-flow.service';
import { RUN_COLUMNS, RUN_FROM } from './report-run.view';
import { CycleReportsRetryView, CycleReportsView, RunStatusCounts } from './report.view';

/** Which unfinished runs a retry takes: all of them (the secretariat's action) or those the infrastructure failed (the reconcile job). */
export type RetryScope = 'all' | 'infra';

const UNFINISHED = `r.status IN ('failed', 'cancelled')`;

/**
 * The outcome of a cycle's compilation, and the one action that finishes
 * it: re-queue every run of the flow that did not complete, with the summary
 * as their parent again, so the cycle is compiled once they all have.
 */
@Injectable()
export class CycleReportsService {
  private readonly logger = new Logger(CycleReportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cycles: CyclesService,
    private readonly flows: ReportFlowService,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
  ) {}

  async view(code: string): Promise<CycleReportsView> {
    const cycle = await this.cycles.get(code);
    const flowId = flowIdOf(cycle.id);
    const [counts, failed] = await Promise.all([
      this.dataSource.query('SELECT status, count(*)::int AS n FROM report_run WHERE flow_id = $1 GROUP BY status', [flowId]),
      this.dataSource.query(
        `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.flow_id = $1 AND ${UNFINISHED} ORDER BY r.parent_run_id IS NULL, r.kind, r.scope LIMIT 1000`,
        [flowId],
      ),
    ]);
    const byStatus: RunStatusCounts = Object.fromEntries(counts.map((c: { status: string; n: number }) => [c.status, c.n]));
    return { cycle: cycle.code, cycleStatus: cycle.status, total: counts.reduce((a: number, c: { n: number }) => a + c.n, 0), byStatus, failed };
  }

  /**
   * Re-queues the cycle's unfinished runs (`scope`) and its summary, which
   * compiles the cycle again once they are done. 409 while the flow is still
   * running, when the cycle was reopened, or when nothing is left to retry.
   */
  async retryFailed(code: string, scope: RetryScope = 'all'): Promise<CycleReportsRetryView> {
    const { id: cycleId } = await this.cycles.get(code);
    const flowId = flowIdOf(cycleId);
    const retried = await this.dataSource.transaction(async (m) => {
      // The cycle's row serialises retries: a second one waits, then finds the summary queued and is refused.
      const [cycle] = await m.query('SELECT status FROM reporting_cycle WHERE id = $1 FOR UPDATE', [cycleId]);
      if (!['closed', 'compiled_with_failures'].includes(cycle.status)) {
        throw new DomainError(ErrorCode.InvalidState, `Reporting cycle ${code} is ${cycle.status}: only a closed cycle's reports can be retried`);
      }
      const kindFilter = scope === 'infra' ? ` AND r.failure_kind = 'infra'` : '';
      const runs: { id: string; status: string; summary: boolean; infra: boolean }[] = await m.query(
        `SELECT r.id, r.status, r.parent_run_id IS NULL AS summary, r.failure_kind IS NOT DISTINCT FROM 'infra' AS infra FROM report_run r
          WHERE r.flow_id = $1 AND (r.parent_run_id IS NULL OR (${UNFINISHED}${kindFilter}))`,
        [flowId],
      );
      const summary = runs.find((r) => r.summary);
      const children = runs.filter((r) => !r.summary);
      if (!summary) throw DomainError.notFound(`The report flow of ${code}`);
      if (summary.status === 'queued' || summary.status === 'running') {
        throw new DomainError(ErrorCode.InvalidState, `The reports of ${code} are still being compiled; retry once the compilation has ended`);
      }
      // A cycle left compiled_with_failures whose failed runs were since retried one by one only needs its summary again.
      const summaryToRetry = summary.status !== 'completed' ? scope === 'all' || summary.infra : scope === 'all' && cycle.status === 'compiled_with_failures';
      if (children.length === 0 && !summaryToRetry) throw new DomainError(ErrorCode.InvalidState, `No report of ${code} is left to retry`);
      const ids = [summary.id, ...children.map((c) => c.id)];
      // Their old jobs go first: a failed job left in Redis would make the reconcile job fail the re-queued run again.
      const queue = this.queues.queue(QueueName.Reports);
      for (const id of ids) await queue.remove(id, { removeChildren: false });
      await m.query(
        `UPDATE report_run SET status = 'queued', error = NULL, failure_kind = NULL, progress = 0, finished_at = NULL, updated_at = now()
          WHERE id = ANY($1) AND status IN ('completed', 'failed', 'cancelled')`,
        [ids],
      );
      await this.audit.record(m, {
        action: 'cycle.reports_retried', entityType: 'reporting_cycle', entityId: cycleId,
        before: { status: cycle.status, runs: runs.filter((r) => ids.includes(r.id)).map((r) => ({ id: r.id, status: r.status })) },
        after: { scope, requeued: ids.length, summaryRunId: summary.id },
      });
      return children.length;
    });
    const flow = await this.flows.storedFlow(flowId);
    // A Redis failure here leaves queued runs without jobs, which the reconcile job enqueues.
    if (flow) await this.flows.enqueue(flow).catch((err: Error) => this.logger.warn({ flowId, err: err.message }, 'retried runs stored but not enqueued'));
    return { ...(await this.view(code)), retried };
  }
}
