import { QueueService } from '@gcm/platform';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, waitFor } from '../helpers/worker';
import { flowState } from '../support/flow-check';
import { seedReportDataset } from '../support/report-dataset.seeder';
import { spawnWorker, WorkerProcess } from '../support/worker-process';

/**
 * Closing a cycle queues its whole report set as one flow, consumed here by
 * the compiled worker in a child process that is killed with SIGKILL at
 * random moments and restarted: every report must still end completed
 * exactly once, with one version and one file per format.
 */
describe('closing a cycle: the report flow, through worker crashes', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let cycleId: string;
  let worker: WorkerProcess | undefined;
  const cycleAction = async (action: 'open' | 'close') => {
    const { version } = (await t.http.get('/api/v1/cycles/2026-H1')).body;
    const res = await t.http.post(`/api/v1/cycles/2026-H1/${action}`).set(bearer(sec.accessToken)).send({ version });
    expect(res.status).toBe(200);
    return res.body;
  };
  const spawn = () => spawnWorker({ DATABASE_URL: t.db.url, REDIS_PREFIX: t.redisPrefix, WORKER_CONCURRENCY: '4' });

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    const ids = await seedReportDataset(t.dataSource, handMadeDataset(), { cycleStatus: { '2025-H2': 'compiled', '2026-H1': 'open' } });
    cycleId = ids.cycles.get('2026-H1')!;
  });
  afterAll(async () => {
    await worker?.kill9();
    if (t) await obliterateQueues(t.app.get(QueueService));
    await t?.close();
  });

  it('queues one run per report of the set, and closing again after a reopen adds none', async () => {
    expect((await cycleAction('close')).status).toBe('closed');
    const first = await flowState(t.dataSource, cycleId);
    const [{ states, regions }] = await t.dataSource.query(
      `SELECT count(DISTINCT o.id)::int states, count(DISTINCT c.region_m49)::int regions
         FROM cycle_pledge_population($1) p JOIN organisation o ON o.id = p.lead_organisation_id JOIN country c ON c.alpha3 = o.country_alpha3
        WHERE o.kind = 'state'`,
      [cycleId],
    );
    // The hand-made 40, and S40, whose pledge was published on 2026-09-01, before this close (p136 was withdrawn before the cycle).
    expect(states).toBe(41);
    // A State per State with pledges owing, 23 objectives, 5 themes, their M49 regions, 4 round tables, the summary.
    expect(first.runs).toBe(states + 23 + 5 + regions + 4 + 1);
    expect(first.byStatus).toEqual({ queued: first.runs });
    expect((await cycleAction('open')).status).toBe('open');
    await cycleAction('close');
    const second = await flowState(t.dataSource, cycleId);
    expect(second).toMatchObject({ runs: first.runs, duplicateRuns: [] });
  });

  it('completes every report exactly once although the worker is killed -9 three times', async () => {
    const total = (await flowState(t.dataSource, cycleId)).runs;
    for (let kill = 0; kill < 3; kill++) {
      worker = await spawn();
      await new Promise((r) => setTimeout(r, 700 + Math.floor(Math.random() * 1500)));
      await worker.kill9();
    }
    worker = await spawn();
    let seen: unknown;
    const done = await waitFor(async () => {
      const s = await flowState(t.dataSource, cycleId);
      seen = s;
      return s.cycleStatus === 'compiled' ? s : null;
    }, () => `the cycle to be compiled: ${JSON.stringify(seen)}, worker stderr: ${worker?.stderr().slice(-500)}`, 80_000, 500);
    expect(done).toEqual({
      cycleStatus: 'compiled',
      runs: total,
      byStatus: { completed: total },
      duplicateRuns: [],
      versions: total,
      duplicateVersions: [],
      files: total * 5,
      incompleteVersions: 0,
      completedTwice: 0,
      summaryLast: true,
    });
    // The summary's completion compiled the cycle through the reporting lib: one audited transition, naming the summary run.
    const [summary] = await t.dataSource.query(`SELECT id FROM report_run WHERE cycle_id = $1 AND kind = 'imrf_summary'`, [cycleId]);
    const compiled = await t.dataSource.query(`SELECT before, after FROM audit_log WHERE action = 'cycle.compile' AND entity_id = $1`, [cycleId]);
    expect(compiled).toEqual([{ before: { status: 'closed' }, after: { status: 'compiled', summaryRunId: summary.id, failedRuns: 0 } }]);
  }, 120_000);
});
