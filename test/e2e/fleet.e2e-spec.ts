import { JobName, QueueName, QueueService } from '@gcm/platform';
import type request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { pledgeBody, publishedPledge } from '../helpers/pledges';
import { createTestApp, remoteHttp, TestApp } from '../helpers/test-app';
import { obliterateQueues, waitFor } from '../helpers/worker';
import { Fleet, startFleet } from '../support/fleet';
import { flowState } from '../support/flow-check';
import { seedReportDataset } from '../support/report-dataset.seeder';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';

const PER_IP = 5;
/** Generous: the point is "answers, not after a hang"; the configured bound is REDIS_COMMAND_TIMEOUT_MS (2 s). */
const PROMPTLY_MS = 5000;

/**
 * Scale-out as deployed: two compiled API processes and two compiled workers
 * on one database and one Redis (this file's database and key prefix). The
 * APIs reach Redis through a relay this test can cut; the in-process app only
 * creates the users and the data set.
 */
describe('N APIs and N workers: two API processes and two workers on one database and Redis', () => {
  let t: TestApp;
  let fleet: Fleet;
  let relay: TcpProxy;
  let sec: CreatedUser;
  let focal: CreatedUser;
  let cycleId: string;
  let api: TestAgent[];

  const headline = (i: number) => api[i].get('/api/v1/stats/headline').expect(200);
  const reportRequest = (i: number, body: object) => api[i].post('/api/v1/reports/requests').set(bearer(sec.accessToken)).send(body);
  const failedSignIn = (i: number, ip: string, n: number) =>
    api[i].post('/api/v1/auth/sign-in').set('X-Forwarded-For', ip).send({ email: `nobody-${n}@example.org`, password: 'Winter2026!' });
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    const ids = await seedReportDataset(t.dataSource, handMadeDataset(), { cycleStatus: { '2025-H2': 'compiled', '2026-H1': 'open' } });
    cycleId = ids.cycles.get('2026-H1')!;
    relay = await startTcpProxy(Number(new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379));
    fleet = await startFleet(
      { DATABASE_URL: t.db.url, REDIS_PREFIX: t.redisPrefix },
      {
        apiEnv: {
          REDIS_URL: `redis://127.0.0.1:${relay.port}`,
          TRUST_PROXY: 'loopback', SIGNIN_LIMIT_PER_IP: String(PER_IP), STATS_CACHE_TTL_SECONDS: '86400', REPORT_REQUEST_DELAY_MS: '1000',
        },
        workerEnv: { WORKER_CONCURRENCY: '2', REPORT_RENDER_THREADS: '1' },
      },
    );
    api = [remoteHttp(fleet.url(0)), remoteHttp(fleet.url(1))];
  }, 180_000);

  afterAll(async () => {
    await fleet?.stop();
    await relay?.close();
    if (t) await obliterateQueues(t.app.get(QueueService));
    await t?.close();
  });

  it("shows a publication through API 1 on API 2's dashboards and pledge list at once", async () => {
    // API 2 has the figures cached (in Redis and in its own memory) before the publication.
    const before = (await headline(1)).body;
    expect((await headline(1)).body).toEqual(before);
    const listed = (await api[1].get('/api/v1/pledges').expect(200)).body.total;

    await publishedPledge({ ...t, http: api[0] }, focal, sec, pledgeBody());
    // No waiting: the publish answer came after the commit, which every process's listener hears.
    expect((await headline(1)).body.pledges).toBe(before.pledges + 1);
    expect((await api[1].get('/api/v1/pledges').expect(200)).body.total).toBe(listed + 1);
    expect((await headline(0)).body.pledges).toBe(before.pledges + 1);
  });

  it('shares the sign-in limits: failures counted on either API lock that address out on both, and no one else', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < PER_IP + 3; n++) statuses.push((await failedSignIn(n % 2, '203.0.113.77', n)).status);
    expect(statuses).toEqual([...Array(PER_IP).fill(401), 429, 429, 429]);
    for (const i of [0, 1]) {
      expect((await failedSignIn(i, '203.0.113.77', 99)).status).toBe(429);
      const other = await api[i].post('/api/v1/auth/sign-in').set('X-Forwarded-For', `198.51.100.${20 + i}`)
        .send({ email: focal.user.email, password: focal.password });
      expect(other.status).toBe(200);
    }
  });

  it('makes one run and one version of 100 identical report requests spread over both APIs', async () => {
    const body = { kind: 'theme', scope: 't2', cycle: '2025-H2' };
    const responses = await Promise.all(Array.from({ length: 100 }, (_, n) => reportRequest(n % 2, body)));
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(202));
    const runIds = new Set(responses.map((r) => r.body.id));
    expect(runIds.size).toBe(1);
    expect(responses.filter((r) => r.body.created)).toHaveLength(1);
    const [id] = runIds;
    const done = await waitFor(async () => {
      const r = (await api[1].get(`/api/v1/reports/runs/${id}`).set(bearer(sec.accessToken))).body;
      return ['completed', 'failed'].includes(r.status) ? r : null;
    }, 'the run to finish', 60_000, 300);
    expect(done).toMatchObject({ status: 'completed', versionNumber: 1 });
    expect(await count(`SELECT count(*)::int n FROM report_run WHERE kind = 'theme' AND scope = 'T2'`)).toBe(1);
    expect(await count(`SELECT count(*)::int n FROM report_version WHERE kind = 'theme' AND scope = 'T2'`)).toBe(1);
    expect(await count(`SELECT count(*)::int n FROM report_file f JOIN report_version v ON v.id = f.version_id WHERE v.kind = 'theme' AND v.scope = 'T2'`)).toBe(5);
    const jobs = (await t.app.get(QueueService).queue(QueueName.Reports).getJobs(['completed', 'failed', 'active', 'waiting', 'delayed']))
      .filter((j) => j.name === JobName.ReportBuild && j.data.runId === id);
    expect(jobs).toHaveLength(1);
  });

  it("yields every report of a cycle's flow exactly once, processed by both workers", async () => {
    const { version } = (await api[0].get('/api/v1/cycles/2026-H1').expect(200)).body;
    expect((await api[0].post('/api/v1/cycles/2026-H1/close').set(bearer(sec.accessToken)).send({ version })).status).toBe(200);
    let seen: unknown;
    const done = await waitFor(async () => {
      const s = await flowState(t.dataSource, cycleId);
      seen = s;
      return ['compiled', 'compiled_with_failures'].includes(s.cycleStatus) ? s : null;
    }, () => `the cycle to be compiled: ${JSON.stringify(seen)}`, 90_000, 500);
    expect(done).toEqual({
      cycleStatus: 'compiled',
      runs: done.runs,
      byStatus: { completed: done.runs },
      duplicateRuns: [],
      versions: done.runs,
      duplicateVersions: [],
      files: done.runs * 5,
      incompleteVersions: 0,
      completedTwice: 0,
      summaryLast: true,
    });
    expect(done.runs).toBeGreaterThan(40);
    const builds = (await t.app.get(QueueService).queue(QueueName.Reports).getJobs(['completed']))
      .filter((j) => j.name === JobName.ReportBuild || j.name === JobName.ReportCompile);
    const byWorker = new Set(builds.map((j) => Number(j.processedBy?.split(':').pop())));
    expect([...byWorker].sort()).toEqual(fleet.workers.map((w) => w.child.pid).sort());
  });

  it('answers 503 queue_unavailable promptly on both APIs while Redis is unreachable, and recovers by itself', async () => {
    const body = { kind: 'objective', scope: '8', cycle: '2025-H2' };
    const timed = async (req: request.Test) => {
      const started = Date.now();
      const res = await req;
      return { status: res.status, code: res.body.code, retryAfter: Number(res.headers['retry-after']) > 0, slow: Date.now() - started > PROMPTLY_MS };
    };
    await relay.cut();
    for (const i of [0, 1]) {
      // The first request may be the one that finds the connection gone; every one answers without a hang.
      for (let n = 0; n < 3; n++) {
        expect(await timed(reportRequest(i, body))).toEqual({ status: 503, code: 'queue_unavailable', retryAfter: true, slow: false });
      }
      // Public figures need no Redis to be answered.
      expect((await headline(i)).body).toHaveProperty('pledges');
    }
    expect(await count(`SELECT count(*)::int n FROM report_run WHERE kind = 'objective' AND scope = '8' AND cycle_key = '2025-H2'`)).toBe(0);

    await relay.restore();
    for (const i of [0, 1]) {
      const accepted = await waitFor(async () => {
        const r = await reportRequest(i, body);
        return r.status === 202 ? r : null;
      }, `API ${i + 1} to accept report requests again`, 20_000, 250);
      expect(accepted.body.status).toBe('queued');
    }
  });
});
