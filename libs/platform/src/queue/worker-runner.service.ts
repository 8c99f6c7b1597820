import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from './redis';
import { checkHandlers, JOB_HANDLERS, JobHandler } from './job-handler';
import { JobName, QueueName, jobsOf, queueOf } from './queue.definitions';
import { DEFAULT_JOB_OPTIONS, QueueService } from './queue.service';

export class MissingJobHandlerError extends Error {}

/**
 * Consumes every queue of the typed list. Started only in the worker app.
 * On shutdown `close()` lets active jobs finish and takes no new ones.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private readonly workers: Worker[] = [];
  private connection?: Redis;
  private readonly byName: Map<JobName, JobHandler>;

  constructor(
    private readonly config: AppConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    private readonly queues: QueueService,
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

  private dispatch(job: Job, token?: string): Promise<unknown> {
    const handler = this.byName.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler.handle(job as never, token);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
    await this.connection?.quit().catch(() => undefined);
  }
}
