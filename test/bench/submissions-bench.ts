import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { UsersService } from '@gcm/accounts';
import { withApiContext } from '../../apps/launcher/src/app-context';
import { dropDatabase, ensureDatabase, withClient, withDatabase } from '../../apps/launcher/src/postgres.util';
import { DEFAULT_SIZE, loadSyntheticData } from './synthetic-data';
import { RunningServer, startServer } from './servers';
import { BENCH_ENDPOINTS } from './stats-endpoints';

/**
 * `npm run bench:submissions`: the deadline rush. In its own database (the
 * bench:api data set: 10,000 published pledges, four cycles, the last open),
 * one focal point per State (195) each creates its progress update for the
 * open cycle, saves the draft twice, uploads a 2 MB evidence file and submits,
 * starting at random moments over BENCH_SPREAD seconds, while the secretariat
 * validates what is submitted and readers keep loading the dashboards. Prints
 * the 5xx count, each step's p50/p99, the dashboards' cached p99 before and
 * during the rush, and how many times the stats cache was invalidated for how
 * many commits of public data. Scale down with BENCH_STATES / BENCH_SPREAD.
 */
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.BENCH_DATABASE ?? 'gcm_bench_submissions';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.BENCH_PORT ?? 3920);
const STATES = Number(process.env.BENCH_STATES ?? 195);
const SPREAD_S = Number(process.env.BENCH_SPREAD ?? 180);
const FILE_BYTES = Math.round(Number(process.env.BENCH_FILE_MB ?? 2) * 1024 * 1024);
const READERS = Number(process.env.BENCH_READERS ?? 10);
const BASELINE_S = Number(process.env.BENCH_BASELINE ?? 10);
const CYCLE = '2026-H2';

type Step = 'create' | 'save' | 'upload' | 'submit' | 'validate';
const STEPS: Step[] = ['create', 'save', 'upload', 'submit', 'validate'];

interface Account {
  email: string;
  password: string;
  token?: string;
}

interface Focal extends Account {
  pledgeId: string;
}

const latencies = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
const statuses = new Map<number, number>();
const failures: string[] = [];

function log(message: string): void {
  process.stdout.write(`[bench:submissions] ${message} (load ${loadavg()[0].toFixed(1)})\n`);
}

async function prepare(): Promise<{ url: string; focals: Focal[]; secretariat: Account }> {
  const url = withDatabase(SERVER_URL, DB_NAME);
  await dropDatabase(SERVER_URL, DB_NAME);
  await ensureDatabase(url);
  process.env.REDIS_URL = REDIS_URL;
  const started = Date.now();
  const focals: Focal[] = [];
  const secretariat: Account = { email: 'bench-secretariat@example.org', password: `pass-${randomBytes(9).toString('hex')}` };
  await withApiContext(url, async (ctx) => {
    await withClient(url, async (c) => {
      await loadSyntheticData(c, DEFAULT_SIZE);
      await c.query('VACUUM ANALYZE');
      // One published pledge per State with nothing reported yet in the open cycle.
      const { rows } = await c.query(
        `SELECT DISTINCT ON (o.id) o.id AS org, o.country_alpha3 AS alpha3, p.id AS pledge
           FROM organisation o JOIN pledge p ON p.lead_organisation_id = o.id AND p.status = 'published'
          WHERE o.kind = 'state'
            AND NOT EXISTS (SELECT 1 FROM progress_update u JOIN reporting_cycle rc ON rc.id = u.cycle_id WHERE u.pledge_id = p.id AND rc.code = $1)
          ORDER BY o.id, p.reference LIMIT $2`,
        [CYCLE, STATES],
      );
      const users = ctx.get(UsersService);
      await users.createWithPassword({ email: secretariat.email, name: 'Bench secretariat', role: 'secretariat', organisationId: null, password: secretariat.password });
      for (const r of rows) {
        const focal = { email: `focal-${String(r.alpha3).toLowerCase()}@example.org`, password: `pass-${randomBytes(9).toString('hex')}`, pledgeId: r.pledge as string };
        await users.createWithPassword({ email: focal.email, name: `Focal point ${r.alpha3}`, role: 'focal_point', organisationId: r.org, password: focal.password });
        focals.push(focal);
      }
    });
  });
  log(`database ready: ${DEFAULT_SIZE.publishedPledges} pledges, ${focals.length} focal points, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url, focals, secretariat };
}

async function call(step: Step | null, base: string, path: string, init: RequestInit & { token?: string }): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  const t0 = performance.now();
  const res = await fetch(base + path, { ...init, headers });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (step) latencies[step].push(ms);
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  if (res.status >= 300) {
    failures.push(`${init.method ?? 'GET'} ${path}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
    throw new Error(`${path} answered ${res.status}`);
  }
  return new Response(body.byteLength ? body : null, { status: res.status, headers: res.headers });
}

const json = (body: unknown): RequestInit => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

async function signIn(base: string, a: Account): Promise<void> {
  const res = await call(null, base, '/api/v1/auth/sign-in', { method: 'POST', ...json({ email: a.email, password: a.password }) });
  a.token = ((await res.json()) as { accessToken: string }).accessToken;
}

/** One focal point's session: create, two saves, the evidence file, submit; then the secretariat validates it. */
async function session(base: string, focal: Focal, secretariat: Account, file: Blob, validations: Promise<void>[]): Promise<void> {
  const content = {
    status: 'on_track', percentComplete: 40,
    actionsTaken: 'Opened two one-stop centres for newly arrived migrants and trained 60 caseworkers.',
    challenges: 'Interpreters are scarce outside the capital.', nextSteps: 'Extend the centres to three more provinces.',
  };
  const created = await call('create', base, `/api/v1/pledges/${focal.pledgeId}/updates`, {
    method: 'POST', token: focal.token, ...json({ cycle: CYCLE, ...content }),
  });
  const update = (await created.json()) as { id: string; version: number };
  let version = update.version;
  for (const percentComplete of [45, 50]) {
    const saved = await call('save', base, `/api/v1/updates/${update.id}`, {
      method: 'PATCH', token: focal.token, ...json({ ...content, percentComplete, version }),
    });
    version = ((await saved.json()) as { version: number }).version;
  }
  const form = new FormData();
  form.set('title', 'Half-year activity report');
  form.set('file', file, 'activity-report.pdf');
  await call('upload', base, `/api/v1/updates/${update.id}/evidence/files`, { method: 'POST', token: focal.token, body: form });
  const view = await call(null, base, `/api/v1/updates/${update.id}`, { token: focal.token });
  await call('submit', base, `/api/v1/updates/${update.id}/submit`, {
    method: 'POST', token: focal.token, ...json({}), headers: { 'Content-Type': 'application/json', 'If-Match': view.headers.get('etag') ?? '' },
  });
  validations.push(
    sleep(Math.random() * 2000).then(() =>
      call('validate', base, `/api/v1/updates/${update.id}/validate`, { method: 'POST', token: secretariat.token, ...json({}) }).then(() => undefined)),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Readers loading every dashboard aggregate in turn, as many connections as READERS. */
function readDashboards(base: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: base, connections: READERS, duration: seconds,
    requests: BENCH_ENDPOINTS.map((e) => ({ method: 'GET', path: e.path, headers: { 'accept-encoding': 'br, gzip' } })),
  });
}

function readerFigures(r: autocannon.Result): string {
  return `${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx, ${r.errors + r.timeouts} errors`;
}

async function main(): Promise<void> {
  log(`${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}; node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  log(`${STATES} focal points over ${SPREAD_S} s, ${(FILE_BYTES / 1024 / 1024).toFixed(1)} MB evidence each, ${READERS} dashboard connections`);
  const { url, focals, secretariat } = await prepare();
  const prefix = `bench-sub-${process.pid}`;
  const api: RunningServer = await startServer(join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js'), {
    NODE_ENV: 'production', DATABASE_URL: url, REDIS_URL, REDIS_PREFIX: prefix, MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', STATS_CACHE_TTL_SECONDS: '900', AUTH_SECRET: randomBytes(32).toString('hex'),
    SIGNIN_LIMIT_PER_IP: '100000', SIGNIN_LIMIT_PER_ACCOUNT_IP: '1000', SIGNIN_SLOWDOWN_PER_ACCOUNT: '1000',
  }, PORT);
  const redis = new Redis(REDIS_URL);
  const generation = async () => Number((await redis.get(`${prefix}:stats:gen`)) ?? 0);
  try {
    for (const a of [secretariat, ...focals]) await signIn(api.url, a);
    for (const e of BENCH_ENDPOINTS) await call(null, api.url, e.path, {});
    const before = await readDashboards(api.url, BASELINE_S);
    log(`dashboards before the rush: ${readerFigures(before)}`);
    const file = new Blob([Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(FILE_BYTES - 9)])], { type: 'application/pdf' });
    const genBefore = await generation();
    const validations: Promise<void>[] = [];
    const started = Date.now();
    const cpuBefore = api.cpuMs();
    const reading = readDashboards(api.url, SPREAD_S + 10);
    const sessions = focals.map((f) => sleep(Math.random() * SPREAD_S * 1000).then(() => session(api.url, f, secretariat, file, validations))
      .catch((err: Error) => { failures.push(`${f.email}: ${err.message}`); }));
    await Promise.all(sessions);
    await Promise.allSettled(validations);
    const rushSeconds = (Date.now() - started) / 1000;
    const during = await reading;
    const apiCpuSeconds = (api.cpuMs() - cpuBefore) / 1000;
    const invalidations = (await generation()) - genBefore;
    log(`rush done in ${rushSeconds.toFixed(1)} s: ${latencies.submit.length}/${focals.length} submitted, ${latencies.validate.length} validated`);
    log(`dashboards during the rush: ${readerFigures(during)}`);
    process.stdout.write('\nstep       n    p50 ms   p99 ms   max ms\n');
    for (const s of STEPS) {
      const xs = latencies[s];
      process.stdout.write(`${s.padEnd(8)} ${String(xs.length).padStart(4)} ${pct(xs, 50).toFixed(0).padStart(8)} ${pct(xs, 99).toFixed(0).padStart(8)} ${Math.max(...xs, 0).toFixed(0).padStart(8)}\n`);
    }
    const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    process.stdout.write(`\nHTTP statuses of the focal points and the secretariat: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    process.stdout.write(`5xx: ${serverErrors} (writes) + ${during.non2xx} non-2xx among ${during.requests.total} dashboard reads\n`);
    process.stdout.write(`submission p50 ${pct(latencies.submit, 50).toFixed(0)} ms, p99 ${pct(latencies.submit, 99).toFixed(0)} ms (goal p99 < 300 ms)\n`);
    process.stdout.write(`dashboards cached p99: before ${before.latency.p99} ms, during ${during.latency.p99} ms\n`);
    process.stdout.write(`stats cache invalidations: ${invalidations} for ${latencies.validate.length} validations over ${rushSeconds.toFixed(0)} s\n`);
    process.stdout.write(`API process CPU during the rush: ${apiCpuSeconds.toFixed(1)} s over ${rushSeconds.toFixed(0)} s, ${((apiCpuSeconds * 1e6) / Math.max(1, during.requests.total)).toFixed(0)} µs per dashboard read (writes included)\n`);
    process.stdout.write(`load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    for (const f of failures.slice(0, 10)) process.stdout.write(`failure: ${f}\n`);
  } finally {
    redis.disconnect();
    await api.stop();
    if (process.env.BENCH_KEEP !== '1') await dropDatabase(SERVER_URL, DB_NAME);
  }
}

void main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`bench:submissions failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
