import { randomBytes } from 'node:crypto';
import { CLOSE_RESERVE_MS } from '@gcm/platform';
import type { DataSource } from 'typeorm';
import type { OwnRedis } from '../helpers/own-services';
import type { ApiProcess } from '../support/api-process';
import { startHttpRelay } from '../support/http-relay';
import { LoadRequest, Sample, send, startLoad, watchReadiness } from '../support/load-generator';
import { sleep } from '../support/report-harness';

export type Check = [string, boolean];
export type Log = (m: string) => void;

/** The people of the fault run, signed in; `signIn` gets a fresh session for one of them. */
export interface People {
  secretariat: string;
  focal: string;
  password: Record<'alice' | 'bob', { email: string; password: string }>;
}

const json = (kind: string, method: 'GET' | 'POST', path: string, token?: string, body?: () => object): LoadRequest => ({ kind, method, path, token, body });

/** Public dashboards, the pledge list, a signed-in write and a report request (of an earlier, compiled cycle). */
export function loadMix(people: People, reportCycle: string): LoadRequest[] {
  const dashboard = (path: string) => json('dashboard', 'GET', path);
  return [
    dashboard('/api/v1/stats/headline'),
    json('pledges', 'GET', '/api/v1/pledges?limit=20'),
    dashboard('/api/v1/stats/status'),
    dashboard('/api/v1/stats/pledges-by/objective'),
    json('write', 'POST', '/api/v1/organisations', people.secretariat, () => ({ kind: 'civil_society', name: `Fault run org ${randomBytes(6).toString('hex')}` })),
    dashboard('/api/v1/stats/map'),
    dashboard('/api/v1/stats/coverage'),
    json('pledges', 'GET', '/api/v1/pledges?limit=20&offset=20'),
    dashboard('/api/v1/stats/pledges-by/form'),
    json('report', 'POST', '/api/v1/reports/requests', people.secretariat, () => ({ kind: 'objective', scope: '8', cycle: reportCycle })),
  ];
}

/** Counts by "status" (or error) per kind, e.g. { dashboard: { '200': 40, '200 stale': 12, '503 database_unavailable': 3 } }. */
export function tally(samples: Sample[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const s of samples) {
    const key = s.error ?? `${s.status}${s.stale ? ' stale' : ''}${s.status && s.status >= 400 && s.code ? ` ${s.code}` : ''}`;
    (out[s.kind] ??= {})[key] = (out[s.kind][key] ?? 0) + 1;
  }
  return out;
}

export function maxMs(samples: Sample[]): number {
  return Math.max(0, ...samples.map((s) => s.ms));
}

/** During a PostgreSQL outage: 200 (a GET, from the cache) or 503 with Retry-After, within `boundMs`; never 500, never no answer. */
export function outageChecks(during: Sample[], all: Sample[], boundMs: number): Check[] {
  const honest = (s: Sample) => (s.status === 200 && s.kind !== 'write' && s.kind !== 'report') || (s.status === 503 && Number(s.retryAfter) > 0);
  return [
    [`${during.length} requests during the outage, each 200 from cache or 503 with Retry-After`, during.length > 0 && during.every(honest)],
    [`every request during the outage answered within ${boundMs} ms (max ${maxMs(during)} ms)`, during.every((s) => s.ms <= boundMs)],
    ['no 500 (nor any 5xx but 503) and no connection error, before, during or after the outage',
      all.every((s) => !s.error && (s.status! < 500 || (s.status === 503 && Number(s.retryAfter) > 0)))],
  ];
}

/**
 * Redis killed and started again on an append-only file copied before a
 * publication: no figure on either API may go back below what it showed
 * after the publication. Two rounds: published while Redis was up, and
 * published while it was down.
 * The figures: public pledges on a dashboard (cached) and in the pledge list
 * (the headline counts those owing in the current cycle, closed here, so a
 * publication does not move it).
 */
export async function redisRollbackChecks(ports: number[], redis: OwnRedis, publish: (api: number) => Promise<void>, log: Log): Promise<Check[]> {
  const figures = async () => {
    const out: number[] = [];
    for (const port of ports) out.push(await figure(port, '/api/v1/stats/pledges-by/form', (b) => b.total as number), await figure(port, '/api/v1/pledges?limit=1', (b) => b.total as number));
    return out;
  };
  // Each figure's rise over its value before the first publication; the lowest seen over `seconds` of reads.
  const rise = (now: number[]) => Math.min(...now.flatMap((f, i) => (f >= 0 ? [f - before[i]] : [])));
  const watch = async (seconds: number) => {
    let low = Number.POSITIVE_INFINITY;
    let reads = 0;
    for (const until = Date.now() + seconds * 1000; Date.now() < until; reads++) {
      low = Math.min(low, rise(await figures()));
      await sleep(100);
    }
    return { low, reads };
  };
  for (let i = 0; i < 2; i++) await figures();
  const before = await figures();
  const aof = await redis.snapshot();
  await publish(0);
  const shown = await figures();
  log(`published through API 1 with Redis up: figures ${before.join('/')} -> ${shown.join('/')} (pledges by form and pledge list total on API 1, then API 2)`);
  await redis.kill();
  await redis.start(aof);
  const up = await watch(10);
  log(`Redis restarted on the older append-only file: lowest rise on either API over ${up.reads} rounds: ${up.low}`);
  await redis.kill();
  await publish(1);
  const whileDown = await figures();
  await redis.start(aof);
  const down = await watch(10);
  log(`published through API 2 with Redis down (${whileDown.join('/')}), Redis back on the older file: lowest rise over ${down.reads} rounds: ${down.low}`);
  return [
    ['publication shown at once on both APIs (dashboard and pledge list)', shown.every((f, i) => f === before[i] + 1)],
    [`Redis back on an older AOF: no figure went back (lowest rise ${up.low} of 1)`, up.low === 1],
    [`published while Redis was down, then older AOF: no figure went back (lowest rise ${down.low} of 2)`, down.low === 2],
  ];
}

/** A figure from an API's answer, or -1 when it did not answer 200 (not a figure going back). */
async function figure(port: number, path: string, read: (body: Record<string, unknown>) => number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return res.status === 200 ? read((await res.json()) as Record<string, unknown>) : -1;
}

export function counts(statuses: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

/**
 * SIGTERM to API 2 under keep-alive load on both, with a balancer that polls
 * readiness: no request written to API 2 is cut, it exits within its bound,
 * and API 1 answers everything meanwhile.
 */
export async function drainChecks(apis: ApiProcess[], mix: LoadRequest[], boundMs: number, log: Log): Promise<{ checks: Check[]; samples: Sample[] }> {
  const ports = apis.map((a) => a.port);
  const load = startLoad(ports, mix.filter((r) => r.kind !== 'report'), { loops: 6, pauseMs: 20 });
  const stopWatching = watchReadiness(load, ports);
  await sleep(3000);
  const signalled = Date.now();
  apis[1].child.kill('SIGTERM');
  const code = await Promise.race([apis[1].exited, sleep(boundMs + 10_000).then(() => 'still running')]);
  const exitMs = Date.now() - signalled;
  await sleep(2000);
  stopWatching();
  await load.stop();
  const after = load.samples.filter((s) => s.start + s.ms >= signalled);
  const toDrained = after.filter((s) => s.api === 1);
  const toOther = after.filter((s) => s.api === 0);
  const cut = toDrained.filter((s) => s.error && s.written);
  const refused = toDrained.filter((s) => s.error && !s.written);
  const answered = toDrained.filter((s) => s.status !== undefined);
  log(`SIGTERM to API 2 under load: ${answered.length} answered after the signal (${answered.filter((s) => s.connection === 'close').length} with Connection: close), `
    + `${cut.length} cut after being written, ${refused.length} refused before being written; exit ${code} after ${exitMs} ms; `
    + `API 1 meanwhile: ${JSON.stringify(tally(toOther))}`);
  return {
    samples: load.samples,
    checks: [
      [`0 connection resets for requests already written to the draining API (${cut.length} of ${toDrained.length})`, cut.length === 0],
      [`the draining API exited 0 within SHUTDOWN_TIMEOUT_MS + ${CLOSE_RESERVE_MS} ms (${exitMs} ms, bound ${boundMs} ms)`, code === 0 && exitMs <= boundMs],
      [`the other API kept serving: ${toOther.length} requests, all answered 2xx`, toOther.length > 0 && toOther.every((s) => s.status !== undefined && s.status < 300)],
    ],
  };
}

/**
 * Behind a proxy (the relay appends the client's address; the APIs trust only
 * 127.0.0.1): an attacker at 127.0.0.66 spraying failed sign-ins — on made-up
 * accounts and on Alice's, with forged X-Forwarded-For entries — is limited;
 * Alice and Bob, at their own addresses, sign in through both APIs.
 */
export async function trustProxyChecks(ports: number[], people: People, perIp: number, ds: DataSource, log: Log): Promise<Check[]> {
  const relay = await startHttpRelay(ports);
  const signIn = (from: string, email: string, password: string, forged?: string) =>
    send(relay.port, -1, false, json('sign-in', 'POST', '/api/v1/auth/sign-in', undefined, () => ({ email, password })), from, forged ? { 'X-Forwarded-For': forged } : {});
  try {
    const attacker: number[] = [];
    for (let n = 0; n < perIp * 4; n++) {
      const email = n % 2 ? people.password.alice.email : `nobody-${n}@example.org`;
      attacker.push((await signIn('127.0.0.66', email, 'Winter2026!', `10.1.${n}.1`)).status ?? 0);
    }
    const others: number[] = [];
    for (let round = 0; round < 2; round++) {
      others.push((await signIn('127.0.0.10', people.password.alice.email, people.password.alice.password)).status ?? 0);
      others.push((await signIn('127.0.0.11', people.password.bob.email, people.password.bob.password)).status ?? 0);
    }
    const [{ ips }] = await ds.query(`SELECT array_agg(DISTINCT ip) AS ips FROM audit_log WHERE action = 'auth.sign_in_failed'`);
    log(`behind the relay: attacker ${JSON.stringify(counts(attacker))}, `
      + `Alice and Bob (each through both APIs): ${others.join(' ')}; failed sign-ins audited from ${ips.join(', ')}`);
    return [
      [`the attacker is limited after ${perIp} failures on either API (forged X-Forwarded-For ignored)`,
        attacker.slice(0, perIp).every((s) => s === 401) && attacker.slice(perIp).every((s) => s === 429)],
      ['the attacker locks no one else out: Alice and Bob sign in through both APIs', others.every((s) => s === 200)],
      ['the audit log has the attacker\'s real address', ips.length === 1 && ips[0] === '127.0.0.66'],
    ];
  } finally {
    await relay.close();
  }
}
