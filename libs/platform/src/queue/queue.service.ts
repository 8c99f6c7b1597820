import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from './redis';
import { JobName, JobPayloads, QueueName, queueOf } from './queue.definitions';

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Producer side: typed enqueue over one lazily created Queue per queue name. */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  private connection?: Redis;

  constructor(private readonly config: AppConfig) {}

  get prefix(): string {
    return `${this.config.REDIS_PREFIX}:bull`;
  }

  redis(): Redis {
    this.connection ??= createRedis(this.config.REDIS_URL, 'worker');
    return this.connection;
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.redis(), prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      this.queues.set(name, q);
    }
    return q;
  }

  /** A jobId makes the enqueue idempotent: BullMQ keeps one job per id. */
  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: JobsOptions = {}): Promise<string> {
    const job = await this.queue(queueOf(name)).add(name, data, opts);
    return job.id as string;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    if (this.connection) {
      await this.connection.quit().catch(() => undefined);
      this.connection = undefined;
    }
  }
}
