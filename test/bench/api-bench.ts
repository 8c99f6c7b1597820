import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { withApiContext } from '../../apps/launcher/src/app-context';
import { dropDatabase, ensureDatabase, withClient, withDatabase } from '../../apps/launcher/src/postgres.util';
import { DEFAULT_SIZE, loadSyntheticData } from './synthetic-data';
import { RunningServer, startServer } from './servers';
import { BENCH_ENDPOINTS } from './stats-endpoints';

/**
 * `npm run bench:api`: loads 10,000 published pledges (plus drafts and
 * withdrawn ones) with alignments and four cycles of updates into its own
 * database, then measures the main public aggregates on (1) a bare node:http +
 * pg server running the same SQL — the limit —, (2) the real API with its
 * cache off (STATS_CACHE_TTL_SECONDS=0) and (3) the real API with its cache,
 * all three running, measured in interleaved rounds per endpoint.
 */
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.BENCH_DATABASE ?? 'gcm_bench_api';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.BENCH_PORT ?? 3910);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ONLY = process.env.BENCH_ONLY;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Figure {
  rps: number;
  p99: number;
  errors: number;
}

type Mode = 'limit' | 'uncached' | 'cached';
const MODES: Mode[] = ['limit', 'uncached', 'cached'];

const dist = join(__dirname, '..', '..');
const SCRIPTS = { api: join(dist, 'apps', 'api', 'src', 'main.js'), raw: join(__dirname, 'raw-stats-server.js') };

async function prepareDatabase(): Promise<string> {
  const url = withDatabase(SERVER_URL, DB_NAME);
  if (process.env.BENCH_REUSE === '1') {
    const n = await withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM stats_pledge WHERE withdrawn_at IS NULL')).rows[0].n).catch(() => 0);
    if (n >= DEFAULT_SIZE.publishedPledges) {
      log(`reusing ${DB_NAME} (${n} public pledges)`);
      return url;
    }
  }
  await dropDatabase(SERVER_URL, DB_NAME);
  await ensureDatabase(url);
  process.env.REDIS_URL = REDIS_URL;
  await withApiContext(url, async () => undefined);
  const started = Date.now();
  const counts = await withClient(url, async (c) => {
    const loaded = await loadSyntheticData(c, DEFAULT_SIZE);
    await c.query('VACUUM ANALYZE');
    return loaded;
  });
  log(`loaded ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return url;
}

async function measure(server: RunningServer, path: string, seconds: number): Promise<Figure> {
  const r = await autocannon({ url: server.url + path, connections: CONNECTIONS, duration: seconds });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

async function bodies(server: RunningServer): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of BENCH_ENDPOINTS) {
    const res = await fetch(server.url + e.path);
    if (res.status !== 200) throw new Error(`${e.path} answered ${res.status}`);
    out.set(e.path, await res.text());
  }
  return out;
}

/** Rounds of the three servers back to back, so background load drifts over all of them alike. */
async function benchEndpoint(servers: Record<Mode, RunningServer>, path: string): Promise<Partial<Record<Mode, Figure>>> {
  const runs: Record<Mode, Figure[]> = { limit: [], uncached: [], cached: [] };
  for (const mode of MODES) await autocannon({ url: servers[mode].url + path, connections: CONNECTIONS, amount: 200 });
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of MODES) runs[mode].push(await measure(servers[mode], path, DURATION / ROUNDS));
  }
  const out: Partial<Record<Mode, Figure>> = {};
  for (const mode of MODES) {
    const list = runs[mode];
    out[mode] = {
      rps: list.reduce((n, f) => n + f.rps, 0) / list.length,
      p99: Math.max(...list.map((f) => f.p99)),
      errors: list.reduce((n, f) => n + f.errors, 0),
    };
  }
  return out;
}

async function main(): Promise<void> {
  log(`${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}; node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  log(`${DURATION} s per endpoint and server (${ROUNDS} interleaved rounds), ${CONNECTIONS} connections`);
  const databaseUrl = await prepareDatabase();
  const apiEnv = (ttl: number) => ({
    NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: `bench-${process.pid}-${ttl}`,
    MIGRATE_ON_START: 'false', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', STATS_CACHE_TTL_SECONDS: String(ttl),
    AUTH_SECRET: randomBytes(32).toString('hex'),
  });
  const started: RunningServer[] = [];
  try {
    const start = async (script: string, env: Record<string, string>, port: number) => {
      const server = await startServer(script, env, port);
      started.push(server);
      return server;
    };
    const servers: Record<Mode, RunningServer> = {
      limit: await start(SCRIPTS.raw, { DATABASE_URL: databaseUrl }, PORT),
      uncached: await start(SCRIPTS.api, apiEnv(0), PORT + 1),
      cached: await start(SCRIPTS.api, apiEnv(900), PORT + 2),
    };
    const reference = await bodies(servers.limit);
    for (const mode of ['uncached', 'cached'] as const) {
      for (const [path, body] of await bodies(servers[mode])) {
        if (body !== reference.get(path)) throw new Error(`${mode}: ${path} differs from the raw server's body`);
      }
    }
    log('the API returns byte-identical bodies to the raw server on every endpoint');
    const results = new Map<string, Partial<Record<Mode, Figure>>>();
    for (const e of BENCH_ENDPOINTS.filter((x) => !ONLY || x.path.includes(ONLY))) {
      const figures = await benchEndpoint(servers, e.path);
      results.set(e.path, figures);
      log(`${e.path.padEnd(40)} ${MODES.map((m) => `${m} ${fmt(figures[m])}`).join('  ')}`);
    }
    printTable(results);
  } finally {
    for (const s of started) await s.stop();
  }
}

function printTable(results: Map<string, Partial<Record<Mode, Figure>>>): void {
  const rows = [...results].map(([path, f]) => {
    const ratio = f.limit && f.uncached ? f.uncached.rps / f.limit.rps : NaN;
    return [
      path.replace('/api/v1/stats/', ''),
      fmt(f.limit), fmt(f.uncached), Number.isNaN(ratio) ? '-' : ratio.toFixed(2), fmt(f.cached),
    ];
  });
  const header = ['endpoint', 'raw limit req/s (p99)', 'app uncached req/s (p99)', 'app/limit', 'app cached req/s (p99)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

function fmt(f?: Figure): string {
  return f ? `${f.rps.toFixed(0)} (${f.p99} ms)${f.errors ? ` ${f.errors}err` : ''}` : '-';
}

function log(message: string): void {
  process.stdout.write(`[bench:api] ${message}\n`);
}

void main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`bench:api failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
