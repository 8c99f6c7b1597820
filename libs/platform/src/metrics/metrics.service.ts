import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { QueueName } from '../queue/queue.definitions';
import { QueueService } from '../queue/queue.service';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The process's Prometheus metrics (prom-client), one registry per app: HTTP
 * requests by route template, job durations by job name, stats cache lookups,
 * and, read when scraped, queue counts (BullMQ getJobCounts) and the
 * PostgreSQL pool. Default metrics add event-loop lag, heap and GC. Labels are
 * templates and names only: never a raw URL, an e-mail, a token or a body.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'Jobs processed by this worker, by queue, job name and outcome',
    labelNames: ['queue', 'name', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });

  readonly cacheLookups = new Counter({
    name: 'stats_cache_lookups_total',
    help: 'Public aggregate cache lookups: hit in memory, hit in Redis, miss, or bypass (cache unavailable)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor(
    queues: QueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.registry.setDefaultLabels({ app: process.env.APP_NAME ?? 'gcm-tracker' });
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state (BullMQ getJobCounts, read at scrape)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(Object.values(QueueName).map(async (queue) => {
          const counts = await queues.queue(queue).getJobCounts(...QUEUE_STATES).catch(() => null);
          if (counts) for (const state of QUEUE_STATES) this.set({ queue, state }, counts[state] ?? 0);
        }));
      },
    });
    const pool = () => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections of this process: total open, idle, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'total' }, p.totalCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
      },
    });
  }
}
