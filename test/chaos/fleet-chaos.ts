import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { UsersService } from '@gcm/accounts';
import { CLOSE_RESERVE_MS } from '@gcm/platform';
import { syntheticDataset } from '../../libs/reports/src/testing/synthetic-dataset';
import { pledgeBody } from '../helpers/pledges';
import { OwnPostgres, OwnRedis, startOwnPostgres, startOwnRedis } from '../helpers/own-services';
import { ApiProcess, spawnApi } from '../support/api-process';
import { Sample, startLoad } from '../support/load-generator';
import { Harness, sleep, withReportHarness } from '../support/report-harness';
import { Check, drainChecks, loadMix, Log, maxMs, outageChecks, People, redisRollbackChecks, tally, trustProxyChecks } from './fleet-checks';
import { flowVerdict, outageDuringFlow } from './flow-outage';

/**
 * `npm run chaos:fleet`: issue 14's fault run, as an operator would try it —
 * two compiled APIs and two compiled workers on a PostgreSQL and a Redis of
 * the script's own (append-only, noeviction, as docker-compose.yml runs it).
 * For each outage length in OUTAGES (seconds, default "45,120"), on a fresh
 * database of a synthetic data set (PLEDGES, default 300):
 *  1. a load generator sends public dashboards, the pledge list, a signed-in
 *     write and a report request to both APIs while a cycle's report flow
 *     runs and PostgreSQL is stopped for that long: the cycle must end
 *     `compiled`, every report completed with five files, nothing retried by
 *     anyone, and every request during the outage answered 200 (from cache)
 *     or 503 with Retry-After within OUTAGE_BOUND_MS (2,000), never 500.
 * After the last outage, on the same fleet:
 *  2. TRUST_PROXY: an attacker's failed sign-ins through a proxy lock out no one else;
 *  3. Redis killed and started on an append-only file copied before a
 *     publication: no figure goes backwards on either API;
 *  4. SIGTERM to one API under keep-alive load: 0 resets of written requests,
 *     exit within the bound, the other API keeps serving.
 * Prints a summary table; exits non-zero on any violation.
 */
const OUTAGES = (process.env.OUTAGES ?? process.env.OUTAGE_SECONDS ?? '45,120').split(',').map(Number);
const PLEDGES = Math.min(2000, Number(process.env.PLEDGES ?? 300));
const BOUND_MS = Number(process.env.OUTAGE_BOUND_MS ?? 2000);
const PER_IP = 5;
const SHUTDOWN_TIMEOUT_MS = 15_000;
const log: Log = (m) => process.stdout.write(`${m}\n`);

interface PhaseResult {
  name: string;
  checks: Check[];
  figures: string[];
}

async function main(): Promise<void> {
  const pg = await startOwnPostgres();
  const redis = await startOwnRedis({ appendOnly: true });
  log(`own PostgreSQL on port ${pg.port}, own Redis (append-only) at ${redis.url}; outages ${OUTAGES.join(' s, ')} s; ${PLEDGES} pledges`);
  Object.assign(process.env, { DATABASE_URL: pg.url('postgres'), REDIS_URL: redis.url, LOG_LEVEL: 'warn' });
  const data = syntheticDataset({ pledges: PLEDGES, cycles: 2 });
  const [earlier, close] = data.cycles.map((c) => c.code);
  const results: PhaseResult[] = [];
  try {
    for (const [i, seconds] of OUTAGES.entries()) {
      log(`\n=== PostgreSQL outage of ${seconds} s ===`);
      const last = i === OUTAGES.length - 1;
      results.push(...(await withReportHarness(`fleet${seconds}`, data, close, (h) => phase(h, pg, redis, seconds, earlier, last))));
    }
  } finally {
    await redis.destroy().catch(() => undefined);
    await pg.destroy().catch(() => undefined);
  }
  log('\n=== summary ===');
  for (const r of results) {
    log(`\n${r.name}`);
    for (const f of r.figures) log(`  ${f}`);
    for (const [what, ok] of r.checks) log(`  ${ok ? 'PASS' : 'FAIL'}  ${what}`);
  }
  const failed = results.flatMap((r) => r.checks).filter(([, ok]) => !ok).length;
  log(`\n${failed === 0 ? 'all checks passed' : `${failed} check(s) FAILED`}`);
  // Explicitly: the embedded server's exit hook would otherwise end the process with 0.
  process.exit(failed === 0 ? 0 : 1);
}

async function phase(h: Harness, pg: OwnPostgres, redis: OwnRedis, seconds: number, reportCycle: string, last: boolean): Promise<PhaseResult[]> {
  const workerEnv = { WORKER_CONCURRENCY: '2', REPORT_RENDER_THREADS: '1' };
  const apiEnv = {
    ...h.env, TRUST_PROXY: '127.0.0.1', SIGNIN_LIMIT_PER_IP: String(PER_IP), STATS_CACHE_TTL_SECONDS: '86400', ACCESS_TOKEN_TTL_SECONDS: '3600',
    SHUTDOWN_GRACE_MS: '2000', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  };
  const apis: ApiProcess[] = [];
  try {
    // One after another: four processes starting at once on a loaded machine can miss their ready timeout.
    for (let i = 0; i < 2; i++) apis.push(await spawnApi(apiEnv, 120_000));
    const workers = [await h.spawn(workerEnv, 120_000), await h.spawn(workerEnv, 120_000)];
    const ports = apis.map((a) => a.port);
    const people = await signInPeople(h, ports[0]);
    const load = startLoad(ports, loadMix(people, reportCycle));
    const flow = await outageDuringFlow(h, pg, seconds, workers, log);
    await sleep(5000);
    await load.stop();
    // Sent once PostgreSQL had stopped and before it was started again; those sent while it was stopping or
    // starting are checked with all the others (no 500, no connection error).
    const during = load.samples.filter((s) => s.start >= flow.stopped && s.start < flow.restarting);
    const after = load.samples.filter((s) => s.start >= flow.restarting);
    for (const s of load.samples.filter((x) => x.error)) {
      log(`no answer: ${s.kind} to API ${s.api + 1}, ${s.error} after ${s.ms} ms, ${s.written ? 'written' : 'not written'}, `
        + `${s.reusedAfterMs === undefined ? 'new connection' : `keep-alive connection idle ${s.reusedAfterMs} ms`}, sent ${((s.start - flow.up) / 1000).toFixed(1)} s after PostgreSQL was back`);
    }
    const phases: PhaseResult[] = [{
      name: `PostgreSQL stopped for ${seconds} s during the report flow, load on both APIs`,
      figures: [
        `cycle ${flow.final.cycleStatus}: ${flow.final.byStatus.completed ?? 0}/${flow.final.runs} runs completed, ${flow.final.versions} versions, ${flow.final.files} files, `
          + `${flow.recoverySeconds.toFixed(1)} s from PostgreSQL back to compiled; ${flow.jobs.waitedOut} jobs waited the outage out, most attempts by one job ${flow.jobs.maxAttempts}`,
        `load: ${load.samples.length} requests (${load.samples.filter((s) => s.start < flow.down).length} before, `
          + `${load.samples.filter((s) => s.start >= flow.down && s.start < flow.stopped).length} while PostgreSQL was stopping, ${during.length} during, ${after.length} from its restart on)`,
        `during the outage, per kind: ${JSON.stringify(tally(during))}`,
        `during the outage: max latency ${maxMs(during)} ms, p99 ${percentile(during, 0.99)} ms, per API ${[0, 1].map((a) => maxMs(during.filter((s) => s.api === a))).join(' / ')} ms; `
          + `machine load average ${flow.loadAverage.toFixed(1)} (${cpus().length} cores)`,
        `from its restart on, per kind: ${JSON.stringify(tally(after))}`,
      ],
      checks: [...flowVerdict(flow), ...outageChecks(during, load.samples, BOUND_MS)],
    }];
    if (!last) return phases;

    phases.push({ name: 'TRUST_PROXY=127.0.0.1, sign-ins through a proxy that appends the client address', figures: [], checks: await trustProxyChecks(ports, people, PER_IP, h.ds, log) });
    const publish = (api: number) => publishPledge(ports[api], people);
    phases.push({ name: 'Redis killed and restarted on an older append-only file', figures: [], checks: await redisRollbackChecks(ports, redis, publish, log) });
    const drain = await drainChecks(apis, loadMix(people, reportCycle), SHUTDOWN_TIMEOUT_MS + CLOSE_RESERVE_MS, log);
    phases.push({ name: 'SIGTERM to API 2 under keep-alive load', figures: [`load during the drain: ${JSON.stringify(tally(drain.samples))}`], checks: drain.checks });
    return phases;
  } finally {
    await Promise.all(apis.map((a) => a.stop()));
  }
}

function percentile(samples: Sample[], p: number): number {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
}

async function post(port: number, path: string, token: string | undefined, body: object): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A secretariat member and a focal point (France) signed in, and two more people with passwords for the proxy check. */
async function signInPeople(h: Harness, port: number): Promise<People> {
  const users = h.ctx.get(UsersService);
  const [{ id: fra }] = await h.ds.query(`SELECT id FROM organisation WHERE country_alpha3 = 'FRA'`);
  const made: Record<string, { email: string; password: string }> = {};
  for (const [who, role, organisationId] of [['secretariat', 'secretariat', null], ['focal', 'focal_point', fra], ['alice', 'focal_point', fra], ['bob', 'expert', null]] as const) {
    const email = `${who}-${process.pid}-${Date.now()}@example.org`;
    // Not built from the e-mail or the name: the password policy refuses one that contains their words.
    const password = `pass-${randomBytes(9).toString('hex')}`;
    await users.createWithPassword({ email, name: `Fault run ${who}`, role, organisationId, password });
    made[who] = { email, password };
  }
  const token = async (who: string) => {
    const res = await post(port, '/api/v1/auth/sign-in', undefined, made[who]);
    if (res.status !== 200) throw new Error(`sign-in of ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  return { secretariat: await token('secretariat'), focal: await token('focal'), password: { alice: made.alice, bob: made.bob } };
}

/** Draft → submitted → published through one API, as a focal point and the secretariat do it. */
async function publishPledge(port: number, people: People): Promise<void> {
  const draft = await post(port, '/api/v1/pledges', people.focal, pledgeBody());
  const submitted = await post(port, `/api/v1/pledges/${draft.body.id}/submit`, people.focal, {});
  const published = await post(port, `/api/v1/pledges/${draft.body.id}/publish`, people.secretariat, {});
  for (const [what, res, expected] of [['create', draft, 201], ['submit', submitted, 200], ['publish', published, 200]] as const) {
    if (res.status !== expected) throw new Error(`${what} pledge: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
