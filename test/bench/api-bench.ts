import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get, IncomingHttpHeaders } from 'node:http';
import autocannon from 'autocannon';
import { withApiContext } from '../../apps/launcher/src/app-context';
import { dropDatabase, ensureDatabase, withClient, withDatabase } from '../../apps/launcher/src/postgres.util';
import { DEFAULT_SIZE, loadSyntheticData, scaledSize } from './synthetic-data';
import { RunningServer, startServer } from './servers';
import { BENCH_ENDPOINTS } from './stats-endpoints';

/**
 * `npm run bench:api`: loads PLEDGES (default 10,000) published pledges (plus
 * drafts and withdrawn ones) with alignments and four cycles of updates into
 * its own database, times each aggregate's SQL alone (one connection, serial
 * runs), then measures the public aggregates over HTTP on, in interleaved
 * rounds per endpoint: (1) `memory`, a bare node:http server sending the same
 * bytes from memory — the physical limit of a cached answer —, (2) the real
 * API with its cache (`cached`; `cached-br` asks for brotli), (3) `sql`, a bare
 * node:http + pg server running the same SQL — the limit of an uncached
 * answer — and (4) the real API with its cache off (`uncached`,
 * STATS_CACHE_TTL_SECONDS=0). Every figure is printed with the machine's
 * 1-minute load average while it was taken, so a busy machine shows.
 */
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PLEDGES = Number(process.env.PLEDGES ?? DEFAULT_SIZE.publishedPledges);
const SIZE = scaledSize(PLEDGES);
const DB_NAME = process.env.BENCH_DATABASE ?? (PLEDGES === DEFAULT_SIZE.publishedPledges ? 'gcm_bench_api' : `gcm_bench_api_${PLEDGES}`);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.BENCH_PORT ?? 3910);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ONLY = process.env.BENCH_ONLY;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SQL_RUNS = Number(process.env.BENCH_SQL_RUNS ?? 15);

interface Figure {
  rps: number;
  p99: number;
  /** CPU time the server's process spent per answered request (µs): unlike req/s, not changed by other processes' load. */
  cpuUs: number;
  errors: number;
  /** The 1-minute load average at the end of the run(s). */
  load: number;
}

type Mode = 'memory' | 'cached' | 'cached-br' | 'sql' | 'uncached';
const ALL_MODES: Mode[] = ['memory', 'cached', 'cached-br', 'sql', 'uncached'];
const MODES = (process.env.BENCH_MODES?.split(',') ?? ALL_MODES).filter((m): m is Mode => (ALL_MODES as string[]).includes(m));
const HEADERS: Partial<Record<Mode, Record<string, string>>> = { 'cached-br': { 'accept-encoding': 'br, gzip' } };

const dist = join(__dirname, '..', '..');
const SCRIPTS = { api: join(dist, 'apps', 'api', 'src', 'main.js'), raw: join(__dirname, 'raw-stats-server.js') };

async function prepareDatabase(): Promise<string> {
  const url = withDatabase(SERVER_URL, DB_NAME);
  if (process.env.BENCH_REUSE === '1') {
    const n = await withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM stats_pledge WHERE withdrawn_at IS NULL')).rows[0].n).catch(() => 0);
    if (n >= SIZE.publishedPledges) {
      log(`reusing ${DB_NAME} (${n} public pledges), migrated to this build`);
      process.env.REDIS_URL = REDIS_URL;
      // The API's start-up migrates; the SQL timed alone must meet the schema this build's statements expect.
      await withApiContext(url, async () => undefined);
      return url;
    }
  }
  await dropDatabase(SERVER_URL, DB_NAME);
  await ensureDatabase(url);
  process.env.REDIS_URL = REDIS_URL;
  await withApiContext(url, async () => undefined);
  const started = Date.now();
  const counts = await withClient(url, async (c) => {
    const loaded = await loadSyntheticData(c, SIZE);
    await c.query('VACUUM ANALYZE');
    return loaded;
  });
  log(`loaded ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return url;
}

/** The SQL alone: serial runs on one connection, after one to warm up; median and best in ms. */
async function timeSql(url: string): Promise<Map<string, { median: number; best: number; load: number }>> {
  const out = new Map<string, { median: number; best: number; load: number }>();
  await withClient(url, async (c) => {
    for (const e of BENCH_ENDPOINTS.filter((x) => !ONLY || x.path.includes(ONLY))) {
      const q = e.sql();
      await c.query(q.text, q.values);
      const times: number[] = [];
      for (let i = 0; i < SQL_RUNS; i++) {
        const t0 = process.hrtime.bigint();
        await c.query(q.text, q.values);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      times.sort((a, b) => a - b);
      out.set(e.path, { median: times[Math.floor(times.length / 2)], best: times[0], load: loadavg()[0] });
    }
  });
  return out;
}

async function measure(server: RunningServer, path: string, seconds: number, headers?: Record<string, string>): Promise<Figure> {
  const cpu0 = server.cpuMs();
  const r = await autocannon({ url: server.url + path, connections: CONNECTIONS, duration: seconds, headers });
  const cpuUs = ((server.cpuMs() - cpu0) * 1000) / Math.max(1, r.requests.total);
  return { rps: r.requests.average, p99: r.latency.p99, cpuUs, errors: r.errors + r.timeouts + r.non2xx, load: loadavg()[0] };
}

async function bodies(server: RunningServer): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of BENCH_ENDPOINTS) {
    const res = await fetch(server.url + e.path, { headers: { 'accept-encoding': 'identity' } });
    if (res.status !== 200) throw new Error(`${e.path} answered ${res.status}`);
    out.set(e.path, await res.text());
  }
  return out;
}

/** Every encoding the cached API offers decodes to the identity body, with its own ETag and Vary. */
async function checkEncodings(server: RunningServer, reference: Map<string, string>): Promise<void> {
  for (const e of BENCH_ENDPOINTS) {
    const tags = new Set<string>();
    for (const encoding of ['br', 'gzip', 'identity'] as const) {
      const res = await rawGet(server.url + e.path, { 'accept-encoding': encoding });
      const raw = res.body;
      const sent = res.headers['content-encoding'] ?? 'identity';
      const body = sent === 'br' ? brotliDecompressSync(raw) : sent === 'gzip' ? gunzipSync(raw) : raw;
      const expected = reference.get(e.path) ?? '';
      if (body.toString() !== expected) throw new Error(`cached ${encoding}: ${e.path} differs from the raw server's body`);
      if (Buffer.byteLength(expected) >= 1024 && sent !== encoding) throw new Error(`cached: ${e.path} sent ${sent} for ${encoding}`);
      if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(String(res.headers.vary ?? ''))) throw new Error(`cached: ${e.path} without Vary: Accept-Encoding (${res.headers.vary})`);
      tags.add(String(res.headers.etag));
    }
    if (Buffer.byteLength(reference.get(e.path) ?? '') >= 1024 && tags.size !== 3) throw new Error(`cached: ${e.path} shares an ETag across encodings`);
  }
}

/** A GET whose body is returned as sent (fetch would decode it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Rounds of every server back to back, so background load drifts over all of them alike. */
async function benchEndpoint(servers: Record<Mode, RunningServer>, path: string): Promise<Partial<Record<Mode, Figure>>> {
  const runs = Object.fromEntries(MODES.map((m) => [m, [] as Figure[]])) as Record<Mode, Figure[]>;
  for (const mode of MODES) await autocannon({ url: servers[mode].url + path, connections: CONNECTIONS, amount: 200, headers: HEADERS[mode] });
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of MODES) runs[mode].push(await measure(servers[mode], path, DURATION / ROUNDS, HEADERS[mode]));
  }
  const out: Partial<Record<Mode, Figure>> = {};
  for (const mode of MODES) {
    const list = runs[mode];
    out[mode] = {
      rps: list.reduce((n, f) => n + f.rps, 0) / list.length,
      p99: Math.max(...list.map((f) => f.p99)),
      cpuUs: list.reduce((n, f) => n + f.cpuUs, 0) / list.length,
      errors: list.reduce((n, f) => n + f.errors, 0),
      load: list.reduce((n, f) => n + f.load, 0) / list.length,
    };
  }
  return out;
}

async function main(): Promise<void> {
  log(`${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}; node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  log(`${PLEDGES} public pledges; ${DURATION} s per endpoint and server (${ROUNDS} interleaved rounds), ${CONNECTIONS} connections; modes ${MODES.join(', ')}`);
  const databaseUrl = await prepareDatabase();
  const sqlTimes = await timeSql(databaseUrl);
  for (const [path, t] of sqlTimes) log(`SQL ${path.padEnd(40)} median ${t.median.toFixed(2)} ms, best ${t.best.toFixed(2)} ms (load ${t.load.toFixed(1)})`);
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
    const cached = await start(SCRIPTS.api, apiEnv(900), PORT + 2);
    const servers: Record<Mode, RunningServer> = {
      sql: await start(SCRIPTS.raw, { DATABASE_URL: databaseUrl }, PORT),
      uncached: await start(SCRIPTS.api, apiEnv(0), PORT + 1),
      cached,
      'cached-br': cached,
      memory: await start(SCRIPTS.raw, { DATABASE_URL: databaseUrl, MEMORY: '1' }, PORT + 3),
    };
    const reference = await bodies(servers.sql);
    for (const mode of ['uncached', 'cached', 'memory'] as const) {
      for (const [path, body] of await bodies(servers[mode])) {
        if (body !== reference.get(path)) throw new Error(`${mode}: ${path} differs from the raw server's body`);
      }
    }
    await checkEncodings(servers.cached, reference);
    log('the API returns byte-identical bodies to the raw server on every endpoint (cached: br, gzip and identity, each with its ETag)');
    const results = new Map<string, Partial<Record<Mode, Figure>>>();
    for (const e of BENCH_ENDPOINTS.filter((x) => !ONLY || x.path.includes(ONLY))) {
      const figures = await benchEndpoint(servers, e.path);
      results.set(e.path, figures);
      log(`${e.path.padEnd(40)} ${MODES.map((m) => `${m} ${fmt(figures[m])}`).join('  ')}`);
    }
    printTable(results, sqlTimes);
  } finally {
    for (const s of started) await s.stop();
  }
}

function printTable(results: Map<string, Partial<Record<Mode, Figure>>>, sqlTimes: Map<string, { median: number }>): void {
  const ratio = (a?: Figure, b?: Figure) => (a && b ? `${(a.rps / b.rps).toFixed(2)} (cpu ${(b.cpuUs / a.cpuUs).toFixed(2)})` : '-');
  const rows = [...results].map(([path, f]) => [
    path.replace('/api/v1/stats/', ''), sqlTimes.get(path)?.median.toFixed(2) ?? '-',
    fmt(f.memory), fmt(f.cached), ratio(f.cached, f.memory), fmt(f['cached-br']),
    fmt(f.sql), fmt(f.uncached), ratio(f.uncached, f.sql),
  ]);
  const header = [
    'endpoint', 'SQL ms', 'memory limit req/s (p99)', 'app cached', 'cached/memory', 'app cached br', 'raw SQL req/s (p99)', 'app uncached', 'uncached/sql',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(`(each figure: mean req/s over ${ROUNDS} rounds, worst p99, server CPU µs per request, [1-min load average]; a ratio's "cpu" is the peer's CPU per request over the app's, which other processes' load does not change; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
}

function fmt(f?: Figure): string {
  return f ? `${f.rps.toFixed(0)} (${f.p99} ms, ${f.cpuUs.toFixed(0)} µs)${f.errors ? ` ${f.errors}err` : ''} [${f.load.toFixed(1)}]` : '-';
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
