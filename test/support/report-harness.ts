import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueName, QueueService } from '@gcm/platform';
import { CyclesService } from '@gcm/reporting';
import type { ReportDataset } from '@gcm/reports';
import { DataSource } from 'typeorm';
import { withApiContext } from '../../apps/launcher/src/app-context';
import { dropDatabase, ensureDatabase, withDatabase } from '../../apps/launcher/src/postgres.util';
import { ensureServices } from '../../apps/launcher/src/services';
import { FlowState, flowState } from './flow-check';
import { seedReportDataset } from './report-dataset.seeder';
import { spawnWorker, WorkerProcess } from './worker-process';

export interface Harness {
  ctx: INestApplicationContext;
  ds: DataSource;
  env: Record<string, string>;
  cycleId: string;
  spawn(extra?: Record<string, string>, readyTimeoutMs?: number): Promise<WorkerProcess>;
  /** Closes the cycle through the reporting service: the report flow is queued as in production. */
  closeCycle(): Promise<void>;
  state(): Promise<FlowState>;
}

/**
 * A scratch database migrated and seeded by the API's own start-up, a data
 * set written into it, the API's module graph (no HTTP) to close the cycle,
 * and compiled workers spawned on demand. Everything is dropped afterwards.
 */
export async function withReportHarness<T>(
  name: string, data: ReportDataset, closeCode: string, fn: (h: Harness) => Promise<T>,
): Promise<T> {
  const services = await ensureServices('postgres');
  const dbName = `gcm_${name}_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(services.databaseUrl, dbName);
  const prefix = `gcm${name}:${randomBytes(3).toString('hex')}`;
  Object.assign(process.env, { REDIS_URL: services.redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const env = { DATABASE_URL: url, REDIS_URL: services.redisUrl, REDIS_PREFIX: prefix };
  const workers: WorkerProcess[] = [];
  try {
    await ensureDatabase(url);
    return await withApiContext(url, async (ctx) => {
      const ds = ctx.get(DataSource);
      const statuses = Object.fromEntries(data.cycles.map((c) => [c.code, c.code === closeCode ? 'open' : 'compiled']));
      const ids = await seedReportDataset(ds, data, { cycleStatus: statuses });
      const cycleId = ids.cycles.get(closeCode) as string;
      try {
        return await fn({
          ctx, ds, env, cycleId,
          spawn: async (extra = {}, readyTimeoutMs?: number) => {
            const w = await spawnWorker({ ...env, ...extra }, readyTimeoutMs);
            workers.push(w);
            return w;
          },
          closeCycle: async () => {
            const cycles = ctx.get(CyclesService);
            const { version } = await cycles.get(closeCode);
            await cycles.close(closeCode, { version });
          },
          state: () => flowState(ds, cycleId),
        });
      } finally {
        await Promise.all(workers.map((w) => w.kill9()));
        const queues = ctx.get(QueueService);
        for (const q of Object.values(QueueName)) await queues.queue(q).obliterate({ force: true }).catch(() => undefined);
      }
    });
  } finally {
    await dropDatabase(services.databaseUrl, dbName).catch(() => undefined);
    await services.stop();
  }
}

/** Peak resident memory of a process (threads included), from Linux's high-water mark; null elsewhere. */
export function peakRssBytes(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system, threads included) a process has used so far, from /proc; null elsewhere. Assumes 100 ticks/s. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
