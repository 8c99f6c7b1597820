import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
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
 * cache off and (3) the real API with the Redis cache, one server at a time.
 */
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.BENCH_DATABASE ?? 'gcm_bench_api';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.BENCH_PORT ?? 3910);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ONLY = process.env.BENCH_ONLY;

interface Figure {
  rps: number;
  p99: number;
  errors: number;
}

type Mode = 'limit' | 'uncached' | 'cached';

const dist = join(__dirname, '..', '..');
const SCRIPTS = { api: join(dist, 'apps', 'api', 'src', 'main.js'), raw: join(__dirname, 'raw-stats-server.js') };

async function prepareDatabase(): Promise<string> {
  const url = withDatabase(SERVER_URL, DB_NAME);
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

async function measure(server: RunningServer, path: string): Promise<Figure> {
  const url = server.url + path;
  await autocannon({ url, connections: CONNECTIONS, amount: 200 });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
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

async function main(): Promise<void> {
  log(`${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}; node ${process.version}; ${DURATION} s × ${CONNECTIONS} connections per endpoint`);
  const databaseUrl = await prepareDatabase();
  const apiEnv = (ttl: number) => ({
    NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: `bench-${process.pid}-${ttl}`,
    MIGRATE_ON_START: 'false', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', STATS_CACHE_TTL_SECONDS: String(ttl),
    AUTH_SECRET: randomBytes(32).toString('hex'),
  });
  const modes: [Mode, () => Promise<RunningServer>][] = [
    ['limit', () => startServer(SCRIPTS.raw, { DATABASE_URL: databaseUrl }, PORT)],
    ['uncached', () => startServer(SCRIPTS.api, apiEnv(0), PORT)],
    ['cached', () => startServer(SCRIPTS.api, apiEnv(900), PORT)],
  ];
  const endpoints = BENCH_ENDPOINTS.filter((e) => !ONLY || e.path.includes(ONLY));
  const results = new Map<string, Partial<Record<Mode, Figure>>>(endpoints.map((e) => [e.path, {}]));
  let reference: Map<string, string> | undefined;
  for (const [mode, start] of modes) {
    const server = await start();
    try {
      const got = await bodies(server);
      reference ??= got;
      for (const [path, body] of got) {
        if (body !== reference.get(path)) throw new Error(`${mode}: ${path} differs from the raw server's body`);
      }
      for (const e of endpoints) {
        const figure = await measure(server, e.path);
        results.get(e.path)![mode] = figure;
        log(`${mode.padEnd(8)} ${e.path.padEnd(40)} ${figure.rps.toFixed(0).padStart(7)} req/s  p99 ${figure.p99} ms${figure.errors ? `  ${figure.errors} errors` : ''}`);
      }
    } finally {
      await server.stop();
    }
  }
  printTable(results);
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
