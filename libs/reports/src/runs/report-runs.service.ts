import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService, DomainError, ErrorCode, JobName, QueueName, QueueService } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { RunQueryDto } from './dto/report-query.dto';
import { ReportTarget, cycleKeyOf, listScope } from './report-target';
import { ReportTargetResolver, TargetRequest } from './report-target.resolver';
import { RUN_COLUMNS, RUN_FROM, ReportRunView } from './report-run.view';
import { whereClause } from './sql-filter';

/**
 * The secretariat's side of report runs: request, list, inspect, retry and
 * cancel. The database row is the truth; the BullMQ job (id = run id) only
 * carries it to a worker, and the reconcile job re-creates a lost one.
 */
@Injectable()
export class ReportRunsService {
  private readonly logger = new Logger(ReportRunsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: ReportTargetResolver,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The active run for the report, created if there is none; `created` says which. */
  async request(req: TargetRequest, requestedBy: string | null): Promise<{ run: ReportRunView; created: boolean }> {
    const target = await this.targets.resolve(req);
    // With Redis down, refuse (503 queue_unavailable) before storing a run no worker could be told of.
    await this.queues.ready();
    // Two rounds: the active run seen as a conflict may finish before it is read back.
    for (let round = 0; round < 3; round++) {
      const id = await this.dataSource.transaction((m) => this.insertActive(m, target, { requestedBy }));
      if (id) {
        await this.enqueue(id, JobName.ReportBuild, this.config.REPORT_REQUEST_DELAY_MS);
        return { run: await this.get(id), created: true };
      }
      const [active] = await this.dataSource.query(
        `SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.kind = $1 AND r.scope = $2 AND r.cycle_key = $3 AND r.language = $4 AND r.status IN ('queued', 'running')`,
        [target.kind, target.scope, cycleKeyOf(target.cycleCodes), target.language],
      );
      if (active) {
        if (active.status === 'queued') await this.postpone(active.id, active.createdAt);
        return { run: active, created: false };
      }
    }
    throw new DomainError(ErrorCode.Conflict, 'The report is being requested concurrently; try again');
  }

  /**
   * Debounce: an identical request while the run still waits pushes its start
   * back by the request delay, so a long burst of requests, however spread out
   * under load, ends up in this one run. Capped at ten delays after the first
   * request so a steady stream cannot starve it.
   */
  private async postpone(runId: string, createdAt: string | Date): Promise<void> {
    const delay = this.config.REPORT_REQUEST_DELAY_MS;
    if (delay === 0 || Date.now() - new Date(createdAt).getTime() > 10 * delay) return;
    const job = await this.queues.queue(QueueName.Reports).getJob(runId).catch(() => undefined);
    // Only a job still delayed can be pushed back; one already waiting or running is left alone.
    await job?.changeDelay(delay).catch(() => undefined);
  }

  /**
   * Inserts a queued run unless one is active for the key (then null). Runs
   * inside the caller's transaction, audited with it.
   */
  async insertActive(
    m: EntityManager,
    target: ReportTarget,
    extra: { requestedBy: string | null; flowId?: string | null; parentRunId?: string | null },
  ): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO report_run (kind, scope, cycle_key, cycle_id, cycle_ids, requested_by, flow_id, parent_run_id, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (kind, scope, cycle_key, language) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING id`,
      [
        target.kind, target.scope, cycleKeyOf(target.cycleCodes), target.cycleIds[target.cycleIds.length - 1], target.cycleIds,
        extra.requestedBy, extra.flowId ?? null, extra.parentRunId ?? null, target.language,
      ],
    );
    if (rows.length === 0) return null;
    await this.audit.record(m, {
      action: 'report.requested', entityType: 'report_run', entityId: rows[0].id,
      after: { kind: target.kind, scope: target.scope, cycles: target.cycleCodes, language: target.language, flowId: extra.flowId ?? null },
    });
    return rows[0].id;
  }

  async list(q: RunQueryDto) {
    const { sql, params } = whereClause('r', { status: q.status, kind: q.kind, scope: listScope(q), language: q.language }, q.cycle);
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} ${sql} ORDER BY r.created_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM report_run r ${sql}`, params),
    ]);
    return { items: items as ReportRunView[], total: total as number, limit, offset };
  }

  async get(id: string): Promise<ReportRunView> {
    const [row] = await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM ${RUN_FROM} WHERE r.id = $1`, [id]);
    if (!row) throw DomainError.notFound('Report run');
    return row;
  }

  /** The run with its BullMQ job's state, for inspection. */
  async inspect(id: string) {
    const run = await this.get(id);
    const job = await this.queues.queue(QueueName.Reports).getJob(id).catch(() => undefined);
    return {
      ...run,
      job: job
        ? { state: await job.getState(), attemptsMade: job.attemptsMade, failedReason: job.failedReason ?? null, progress: job.progress }
        : null,
    };
  }

  /** A failed or cancelled run goes back to the queue with its attempts renewed (409 while an identical run is active). */
  async retry(id: string): Promise<ReportRunView> {
    await this.queues.ready();
    const run = await this.dataSource.transaction(async (m) => {
      const [before] = await m.query('SELECT id, status, kind, flow_id AS "flowId", parent_run_id AS "parentRunId" FROM report_run WHERE id = $1 FOR UPDATE', [id]);
      if (!before) throw DomainError.notFound('Report run');
      if (before.status !== 'failed' && before.status !== 'cancelled') {
        throw new DomainError(ErrorCode.InvalidState, `Only a failed or cancelled run can be retried; this one is ${before.status}`);
      }
      await m.query(
        `UPDATE report_run SET status = 'queued', error = NULL, failure_kind = NULL, progress = 0, finished_at = NULL, updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.audit.record(m, { action: 'report.retried', entityType: 'report_run', entityId: id, before: { status: before.status }, after: { status: 'queued' } });
      return before as { kind: string; flowId: string | null; parentRunId: string | null };
    });
    // The flow's root summary compiles the cycle; a summary in a further language is a child like any report.
    const name = run.kind === 'imrf_summary' && run.flowId && !run.parentRunId ? JobName.ReportCompile : JobName.ReportBuild;
    await this.requeue(id, name);
    return this.get(id);
  }

  /**
   * Queued or running runs only. A waiting job is removed; a job already on a
   * worker stops at its next step, which checks the run's status.
   */
  async cancel(id: string): Promise<ReportRunView> {
    await this.dataSource.transaction(async (m) => {
      const [before] = await m.query('SELECT status FROM report_run WHERE id = $1 FOR UPDATE', [id]);
      if (!before) throw DomainError.notFound('Report run');
      if (before.status !== 'queued' && before.status !== 'running') {
        throw new DomainError(ErrorCode.InvalidState, `Only a queued or running run can be cancelled; this one is ${before.status}`);
      }
      await m.query(`UPDATE report_run SET status = 'cancelled', finished_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(m, { action: 'report.cancelled', entityType: 'report_run', entityId: id, before, after: { status: 'cancelled' } });
    });
    const job = await this.queues.queue(QueueName.Reports).getJob(id);
    if (job && !(await job.isActive())) {
      await this.queues.queue(QueueName.Reports).remove(id, { removeChildren: false }).catch((err: Error) => {
        this.logger.warn({ runId: id, err: err.message }, 'could not remove the job of a cancelled run; its handler will skip it');
      });
    }
    return this.get(id);
  }

  /** Adds the job of a run; a duplicate id is a no-op in BullMQ. A Redis failure leaves the run for the reconcile job. */
  async enqueue(runId: string, name: JobName.ReportBuild | JobName.ReportCompile, delay = 0): Promise<void> {
    try {
      await this.queues.enqueue(name, { runId }, { jobId: runId, delay });
    } catch (err) {
      this.logger.warn({ runId, err: (err as Error).message }, 'run stored but not enqueued; the reconcile job will enqueue it');
    }
  }

  /** Puts a run's job back: a failed job is retried in place, a finished or missing one is added anew. */
  async requeue(runId: string, name: JobName.ReportBuild | JobName.ReportCompile): Promise<void> {
    const queue = this.queues.queue(QueueName.Reports);
    const job = await queue.getJob(runId);
    const state = job ? await job.getState() : null;
    if (job && state === 'failed') {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return;
    }
    if (job && state === 'completed') await job.remove({ removeChildren: false });
    if (!job || state === 'completed' || state === 'unknown') await this.enqueue(runId, name);
  }
}
