import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { FlowProducer, JobsOptions, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis, redisReady } from './redis';
import { JobName, JobPayloads, QueueName, queueOf } from './queue.definitions';
import { withOrigin } from './job-context';

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Failures reach callers through the commands they make; the outage itself is logged once by createRedis. */
function ignoreQueueError(): void {
  // nothing to add
}

/** A job of the typed list, for flows. */
export interface TypedJob<N extends JobName = JobName> {
  name: N;
  data: JobPayloads[N];
  opts?: JobsOptions;
}

/** Producer side: typed enqueue over one lazily created Queue per queue name. */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  private connection?: Redis;
  private flows?: FlowProducer;

  constructor(private readonly config: AppConfig) {}

  get prefix(): string {
    return `${this.config.REDIS_PREFIX}:bull`;
  }

  /** A fail-fast producer connection: with Redis down, enqueueing is refused at once rather than held (see createRedis). */
  redis(): Redis {
    this.connection ??= createRedis(this.config.REDIS_URL, 'producer', this.config.REDIS_COMMAND_TIMEOUT_MS);
    return this.connection;
  }

  /**
   * Resolves when jobs can be enqueued now, else throws a queue-unavailable
   * error within REDIS_COMMAND_TIMEOUT_MS: lets a request refuse (503) before
   * it writes anything that would then wait for a job.
   */
  ready(): Promise<void> {
    return redisReady(this.redis(), this.config.REDIS_COMMAND_TIMEOUT_MS);
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.redis(), prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      // BullMQ re-emits connection failures (also one met while a just-made queue is closed) as
      // 'error'; without a listener Node throws them. The connection's own listener logs the outage.
      q.on('error', ignoreQueueError);
      this.queues.set(name, q);
    }
    return q;
  }

  /** A jobId makes the enqueue idempotent: BullMQ keeps one job per id. */
  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: JobsOptions = {}): Promise<string> {
    await this.ready();
    const job = await this.queue(queueOf(name)).add(name, withOrigin(data), opts);
    return job.id as string;
  }

  /**
   * A parent job that runs once all its children have finished, added
   * atomically. Flow jobs do not inherit a queue's default options, so they
   * are applied here; jobs whose id already exists are kept as they are.
   */
  async enqueueFlow(parent: TypedJob, children: TypedJob[]): Promise<void> {
    await this.ready();
    if (!this.flows) {
      this.flows = new FlowProducer({ connection: this.redis(), prefix: this.prefix });
      this.flows.on('error', ignoreQueueError);
    }
    await this.flows.add({
      name: parent.name,
      queueName: queueOf(parent.name),
      data: withOrigin(parent.data),
      opts: { ...DEFAULT_JOB_OPTIONS, ...parent.opts },
      children: children.map((c) => ({ name: c.name, queueName: queueOf(c.name), data: withOrigin(c.data), opts: { ...DEFAULT_JOB_OPTIONS, ...c.opts } })),
    });
  }

  /**
   * BullMQ's close() of a queue whose start-up on a shared connection is still
   * running drops that queue's listeners, and the start-up's failure, once the
   * connection ends, is then thrown as an unhandled 'error'. So: end the shared
   * connection first, let every start-up settle (a failure reaches the listener
   * set in queue()), and only then close the queues.
   */
  async onModuleDestroy(): Promise<void> {
    const producers: Array<Queue | FlowProducer> = [...this.queues.values(), ...(this.flows ? [this.flows] : [])];
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await connection.quit().catch(() => connection.disconnect());
    await Promise.all(producers.map((p) => settled(p.waitUntilReady(), this.config.REDIS_COMMAND_TIMEOUT_MS)));
    await Promise.all(producers.map((p) => p.close().catch(() => undefined)));
    this.flows = undefined;
    this.queues.clear();
  }
}

/** Resolves once `promise` has settled either way, or after `ms`. */
async function settled(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.then(() => undefined, () => undefined), new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}
