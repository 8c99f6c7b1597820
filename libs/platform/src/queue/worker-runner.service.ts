import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { runWithContext } from '../context/request-context';
import { MetricsService } from '../metrics/metrics.service';
import { tracer } from '../tracing/tracing';
import { jobContext, jobParentContext, originOf } from './job-context';
import { hostname } from 'node:os';
import { DelayedError, Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from './redis';
import { checkHandlers, JOB_HANDLERS, JobHandler } from './job-handler';
import { JobName, QueueName, jobsOf, queueOf } from './queue.definitions';
import { DEFAULT_JOB_OPTIONS, QueueService } from './queue.service';

export class MissingJobHandlerError extends Error {}

/**
 * A job handed back at shutdown waits this long before another worker may
 * start it: longer than this process needs to exit (CLOSE_RESERVE_MS), so the
 * job never runs twice at once.
 */
export const HAND_BACK_DELAY_MS = 6000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Consumes every queue of the typed list. Started only in the worker app.
 * `drain()` (SIGTERM) takes no new job and lets active ones finish until a
 * deadline, then hands the rest back to the queue without spending an attempt.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private readonly workers: Worker[] = [];
  private connection?: Redis;
  private readonly byName: Map<JobName, JobHandler>;
  /** Jobs this process is running, with the lock token that proves it and a way to let go, for the hand-back at shutdown. */
  private readonly active = new Map<string, { job: Job; token?: string; letGo(): void }>();

  constructor(
    private readonly config: AppConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    private readonly queues: QueueService,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    const { missing, duplicated } = checkHandlers(handlers);
    if (missing.length || duplicated.length) {
      throw new MissingJobHandlerError(
        `Worker cannot start: ${missing.length ? `no handler for ${missing.join(', ')}` : ''}${
          duplicated.length ? ` several handlers for ${duplicated.join(', ')}` : ''
        }`.trim(),
      );
    }
    this.byName = new Map(handlers.map((h) => [h.jobName, h]));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    this.connection = createRedis(this.config.REDIS_URL, 'worker');
    for (const queue of Object.values(QueueName)) {
      if (jobsOf(queue).length === 0) continue;
      const worker = new Worker(queue, (job: Job, token?: string) => this.dispatch(job, token), {
        connection: this.connection,
        // Recorded on each job it takes (BullMQ's job.processedBy): which of N workers ran it.
        name: `${hostname()}:${process.pid}`,
        prefix: `${this.config.REDIS_PREFIX}:bull`,
        concurrency: this.config.WORKER_CONCURRENCY,
        // A job whose worker died is picked up again once its lock expires.
        lockDuration: this.config.WORKER_LOCK_MS,
        stalledInterval: this.config.WORKER_STALLED_INTERVAL_MS,
        maxStalledCount: 20,
      });
      worker.on('failed', (job, err) => this.logger.warn({ job: job?.id, name: job?.name, err: err.message }, 'job failed'));
      worker.on('error', (err) => this.logger.error({ err: err.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log(`consuming ${this.workers.map((w) => w.name).join(', ')}`);
  }

  /** Repeatable jobs are scheduled by the process that consumes them, not by every app that loads their handlers. */
  private async schedule(): Promise<void> {
    for (const { jobName, schedule } of this.handlers) {
      if (!schedule) continue;
      await this.queues.queue(queueOf(jobName)).upsertJobScheduler(schedule.id, { every: schedule.everyMs }, {
        name: jobName,
        data: {},
        // The retention of every other job: a count here would trim the whole queue's history (BullMQ keeps one
        // completed set per queue), dropping report jobs a minute after they completed.
        opts: { removeOnComplete: DEFAULT_JOB_OPTIONS.removeOnComplete, removeOnFail: DEFAULT_JOB_OPTIONS.removeOnFail },
      });
    }
  }

  /**
   * Runs the handler in the context of the request that queued the job (its correlation id and actor, for the
   * handler's audit rows and these log lines) and, when tracing is on, in a span under that request's span.
   */
  private dispatch(job: Job, token?: string): Promise<unknown> {
    const origin = originOf(job.data);
    const ctx = jobContext(origin, `${job.queueName}:${job.id}`);
    const parent = jobParentContext(origin);
    const span = tracer().startSpan(`job ${job.name}`, {
      kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': job.queueName, 'job.name': job.name },
    }, parent);
    const started = process.hrtime.bigint();
    const log = { job: job.id, name: job.name, correlationId: ctx.correlationId, actorId: ctx.actorId };
    this.logger.log(log, 'job started');
    return context.with(trace.setSpan(parent, span), () => runWithContext(ctx, () => this.run(job, token))).then(
      (result) => {
        this.finished(job, started, 'completed', span);
        this.logger.log(log, 'job completed');
        return result;
      },
      (err: unknown) => {
        this.finished(job, started, err instanceof DelayedError ? 'handed_back' : 'failed', span);
        throw err;
      },
    );
  }

  private finished(job: Job, started: bigint, outcome: string, span: ReturnType<ReturnType<typeof tracer>['startSpan']>): void {
    this.metrics?.jobDuration.observe({ queue: job.queueName, name: job.name, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    if (outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('job.outcome', outcome);
    span.end();
  }

  private async run(job: Job, token?: string): Promise<unknown> {
    const handler = this.byName.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const key = `${job.queueName}:${job.id}`;
    let letGo!: () => void;
    // BullMQ's pattern for a job moved back by its processor: reject with DelayedError and it records nothing.
    const handedBack = new Promise<never>((_, reject) => (letGo = () => reject(new DelayedError())));
    const run = handler.handle(job as never, token);
    this.active.set(key, { job, token, letGo });
    try {
      return await Promise.race([run, handedBack]);
    } finally {
      this.active.delete(key);
      // An abandoned run that fails later has nobody left to tell.
      run.catch(() => undefined);
    }
  }

  /**
   * Stops taking jobs and waits for the active ones until `deadline`; those
   * still running then go back to the queue (delayed by HAND_BACK_DELAY_MS,
   * attempts unchanged) for another worker, instead of failing or waiting
   * for their lock to expire. What the abandoned run still does afterwards
   * cannot finish the job: it no longer holds the lock, and the process exits
   * before the delay lets another worker start it.
   */
  async drain(deadline: number): Promise<string> {
    const closing = Promise.all(this.workers.map((w) => w.close()));
    const finished = await Promise.race([closing.then(() => true), sleep(deadline - Date.now()).then(() => false)]);
    if (finished) return 'every active job finished';
    let handed = 0;
    for (const { job, token, letGo } of [...this.active.values()]) {
      try {
        await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
        handed += 1;
      } catch (err) {
        // Lost its lock meanwhile, or Redis is away: left to the stalled check, which spends no attempt either.
        this.logger.warn({ job: job.id, name: job.name, err: (err as Error).message }, 'could not hand back job');
      } finally {
        letGo();
      }
    }
    // With every processor let go, close() completes: nothing waits for the abandoned runs.
    await closing;
    return `${handed} unfinished job(s) handed back to the queue`;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
    await this.connection?.quit().catch(() => undefined);
  }
}
