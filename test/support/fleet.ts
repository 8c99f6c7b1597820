import { ApiProcess, spawnApi } from './api-process';
import { spawnWorker, WorkerProcess } from './worker-process';

/** N compiled APIs and N compiled workers on one database and one Redis key prefix, as a scaled-out deployment runs. */
export interface Fleet {
  apis: ApiProcess[];
  workers: WorkerProcess[];
  /** `http://127.0.0.1:<port>` of API `i`. */
  url(i: number): string;
  /** SIGKILL to whatever is still running. */
  stop(): Promise<void>;
}

export interface FleetOptions {
  apis?: number;
  workers?: number;
  /** Added to `env` for the APIs (e.g. REDIS_URL through a relay, TRUST_PROXY, limits). */
  apiEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
  /** For each process to report ready; generous, since four start at once on a shared machine. */
  readyTimeoutMs?: number;
}

/**
 * Starts them all at once (`env` holds DATABASE_URL, REDIS_URL, REDIS_PREFIX);
 * if one fails to become ready the others are stopped and the error is thrown.
 */
export async function startFleet(env: Record<string, string>, opts: FleetOptions = {}): Promise<Fleet> {
  const timeout = opts.readyTimeoutMs ?? 120_000;
  const apis = Array.from({ length: opts.apis ?? 2 }, () => spawnApi({ ...env, ...opts.apiEnv }, timeout));
  const workers = Array.from({ length: opts.workers ?? 2 }, () => spawnWorker({ ...env, ...opts.workerEnv }, timeout));
  const settled = await Promise.allSettled([...apis, ...workers]);
  const up = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stopAll = () => Promise.all(up.map((p) => ('kill9' in p ? p.kill9() : p.stop()))).then(() => undefined);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  const fleet = {
    apis: up.slice(0, apis.length) as ApiProcess[],
    workers: up.slice(apis.length) as WorkerProcess[],
  };
  return { ...fleet, url: (i) => `http://127.0.0.1:${fleet.apis[i].port}`, stop: stopAll };
}
