import { randomBytes } from 'node:crypto';
import { publicCacheKey, QueueService } from '@gcm/platform';
import Redis from 'ioredis';
import { Client } from 'pg';
import type request from 'supertest';
import { withApiContext } from '../../apps/launcher/src/app-context';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { OwnPostgres, OwnRedis, startOwnPostgres, startOwnRedis } from '../helpers/own-services';
import { openCycle, pledgeBody, publishedPledge } from '../helpers/pledges';
import { listenerPids } from '../helpers/stats-cache';
import { createTestApp, TestApp } from '../helpers/test-app';

/** Generous: the point is "answers, and soon", not a timing; the configured bound is 2 s. */
const PROMPTLY_MS = 5000;

/** Polls until `ok` (20 s at most): recovery needs no restart, only the pool's and the clients' own reconnection. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  let v = await read();
  while (!ok(v) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    v = await read();
  }
  return v;
}

async function timed(req: request.Test): Promise<{ res: request.Response; ms: number }> {
  const started = Date.now();
  const res = await req;
  return { res, ms: Date.now() - started };
}

/**
 * What a user sees while PostgreSQL or Redis is down, on servers of this
 * test's own that it stops and starts: 503 with Retry-After and a code the
 * client can act on, within a bound; cached figures still served; recovery
 * without a restart; and no figure going back when Redis comes back from
 * older data.
 */
describe('outages: honest unavailability, figures never go backwards', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let t: TestApp;
  let secretariat: CreatedUser;
  let focal: CreatedUser;
  let probe: Redis;
  let url: string;

  const headline = () => t.http.get('/api/v1/stats/headline');
  const pledgeList = () => t.http.get('/api/v1/pledges');
  const write = () => t.http.post('/api/v1/organisations').set(bearer(secretariat.accessToken)).send({ kind: 'civil_society', name: `Org ${randomBytes(3).toString('hex')}` });
  const signIn = () => t.http.post('/api/v1/auth/sign-in').send({ email: secretariat.user.email, password: secretariat.password });
  const reportRequest = () => t.http.post('/api/v1/reports/requests').set(bearer(secretariat.accessToken)).send({ kind: 'objective', scope: '8', cycle: '2026-H1' });
  const statsGen = async () => Number((await probe.get(`${t.redisPrefix}:stats:gen`)) ?? '0');

  const expectUnavailable = ({ res, ms }: { res: request.Response; ms: number }, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(ms).toBeLessThan(PROMPTLY_MS);
  };

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
    const admin = new Client({ connectionString: pg.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE gcm_outages');
    await admin.end();
    url = pg.url('gcm_outages');
    Object.assign(process.env, { REDIS_URL: redis.url, MIGRATE_ON_START: 'true', REDIS_PREFIX: `gcmtest:${randomBytes(4).toString('hex')}` });
    await withApiContext(url, async () => undefined);
    t = await createTestApp({
      db: { name: 'gcm_outages', url, drop: async () => undefined },
      env: { REDIS_URL: redis.url, STATS_CACHE_TTL_SECONDS: '86400' },
    });
    probe = new Redis(redis.url, { maxRetriesPerRequest: null });
    secretariat = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    await publishedPledge(t, focal, secretariat, pledgeBody());
    await eventually(() => listenerPids(url), (pids) => pids.length === 1);
  }, 180_000);

  afterAll(async () => {
    probe?.disconnect();
    await t?.close();
    await Promise.all([pg?.destroy(), redis?.destroy()]);
  });

  it('answers 503 database_unavailable with Retry-After while PostgreSQL is down, keeps serving cached figures, and recovers', async () => {
    const before = (await headline().expect(200)).body;
    await headline().expect(200);
    await pg.stop();

    expectUnavailable(await timed(pledgeList()), 'database_unavailable');
    expectUnavailable(await timed(write()), 'database_unavailable');
    expectUnavailable(await timed(signIn()), 'database_unavailable');
    const cached = await timed(headline());
    expect([cached.res.status, cached.res.body]).toEqual([200, before]);
    expect(cached.ms).toBeLessThan(PROMPTLY_MS);

    await pg.start();
    expect((await eventually(pledgeList, (r) => r.status === 200)).status).toBe(200);
    expect((await signIn()).status).toBe(200);
    expect((await write()).status).toBe(201);
    // Served from the database again, and cached again once the listener is back.
    const fresh = await eventually(headline, (r) => r.status === 200 && !r.headers.warning);
    // The same figures; the snapshot moved on (the organisation written above is public data) and never back.
    const { provenance: then, ...figuresBefore } = before;
    const { provenance: now, ...figuresAfter } = fresh.body;
    expect(figuresAfter).toEqual(figuresBefore);
    expect(Number(now.snapshotId)).toBeGreaterThan(Number(then.snapshotId));
    expect(Date.parse(now.dataAsOf)).toBeGreaterThanOrEqual(Date.parse(then.dataAsOf));
  });

  it('never shows an older total after Redis comes back from an older snapshot', async () => {
    const total = async () => (await headline().expect(200)).body.pledges as number;
    const cachedInRedis = async () => probe.hexists(`${t.redisPrefix}:stats:data:${await statsGen()}`, publicCacheKey('/api/v1/stats/headline', 'en'));
    expect(await eventually(() => listenerPids(url), (pids) => pids.length === 1)).toHaveLength(1);
    const old = await total();
    expect(await eventually(cachedInRedis, (v) => v === 1)).toBe(1);
    const snapshot = await redis.snapshot();
    const oldGen = await statsGen();

    // Published while Redis is up: Redis holds the new figures, the snapshot the old ones.
    await publishedPledge(t, focal, secretariat, pledgeBody());
    expect(await total()).toBe(old + 1);
    expect(await eventually(cachedInRedis, (v) => v === 1)).toBe(1);
    await redis.kill();
    await redis.start(snapshot);
    const seen = await eventually(async () => [await total(), await statsGen()], ([, gen]) => gen !== oldGen);
    expect(seen).toEqual([old + 1, expect.any(Number)]);
    for (let i = 0; i < 10; i++) expect(await total()).toBe(old + 1);

    // Published while Redis is down, then Redis back on the older file.
    await redis.kill();
    await publishedPledge(t, focal, secretariat, pledgeBody());
    expect(await total()).toBe(old + 2);
    await redis.start(snapshot);
    const after = await eventually(async () => [await total(), await statsGen()], ([, gen]) => gen > oldGen);
    expect(after[0]).toBe(old + 2);
    for (let i = 0; i < 10; i++) expect(await total()).toBe(old + 2);
    // And the cache works again: the answer is stored under the current generation.
    expect(await eventually(cachedInRedis, (v) => v === 1)).toBe(1);
  });

  it('answers 503 queue_unavailable at once while Redis is down (no request held for the outage), and recovers', async () => {
    await openCycle(t, secretariat, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30' });
    await redis.kill();
    const producer = t.app.get(QueueService).redis();
    await eventually(async () => producer.status, (s) => s !== 'ready');
    expectUnavailable(await timed(reportRequest()), 'queue_unavailable');
    // The sign-in limits live in Redis: refused rather than held or run unlimited.
    expectUnavailable(await timed(signIn()), 'queue_unavailable');
    // Nothing was stored for a request that was refused.
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM report_run`))[0].n).toBe(0);
    expect((await timed(headline())).res.status).toBe(200);

    await redis.start();
    const accepted = await eventually(reportRequest, (r) => r.status === 202);
    expect(accepted.status).toBe(202);
    expect((await signIn()).status).toBe(200);
  });
});
