import { JobName, QueueName, QueueService } from '@gcm/platform';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { bearer, createUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, waitFor } from '../helpers/worker';
import { flowState } from '../support/flow-check';
import { seedReportDataset } from '../support/report-dataset.seeder';
import { spawnWorker, WorkerProcess } from '../support/worker-process';

/**
 * A deploy during a cycle's flow: the compiled worker gets SIGTERM while it
 * is rendering. What it cannot finish it hands back (its render threads are
 * closed under it, its database pool ends): the next worker completes every
 * report and no job has spent an attempt on the shutdown.
 */
describe('a worker stopped with SIGTERM mid-flow', () => {
  let t: TestApp;
  let cycleId: string;
  const workers: WorkerProcess[] = [];
  const spawn = async () => {
    const w = await spawnWorker({ DATABASE_URL: t.db.url, REDIS_PREFIX: t.redisPrefix, WORKER_CONCURRENCY: '4' });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const ids = await seedReportDataset(t.dataSource, handMadeDataset(), { cycleStatus: { '2025-H2': 'compiled', '2026-H1': 'open' } });
    cycleId = ids.cycles.get('2026-H1')!;
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill9()));
    if (t) await obliterateQueues(t.app.get(QueueService));
    await t?.close();
  });

  it('hands its jobs back without spending attempts, and the next worker compiles the cycle', async () => {
    const sec = await createUser(t, { role: 'secretariat' });
    const { version } = (await t.http.get('/api/v1/cycles/2026-H1')).body;
    expect((await t.http.post('/api/v1/cycles/2026-H1/close').set(bearer(sec.accessToken)).send({ version })).status).toBe(200);
    const first = await spawn();
    const queue = t.app.get(QueueService).queue(QueueName.Reports);
    // Stopped while it has jobs in hand and some reports are done.
    await waitFor(async () => (await flowState(t.dataSource, cycleId)).byStatus.completed >= 5 && (await queue.getActiveCount()) > 0, 'the flow to be under way', 60_000, 50);
    // Resolves once it has exited: its shutdown hooks ran (Nest re-raises the signal, so it ends by SIGTERM).
    await first.stop();

    await spawn();
    let seen: unknown;
    await waitFor(async () => {
      seen = await flowState(t.dataSource, cycleId);
      return (seen as { cycleStatus: string }).cycleStatus === 'compiled';
    }, () => `the cycle to be compiled: ${JSON.stringify(seen)}`, 90_000, 300);
    const state = await flowState(t.dataSource, cycleId);
    expect(state).toMatchObject({ byStatus: { completed: state.runs }, files: state.runs * 5, incompleteVersions: 0, completedTwice: 0 });
    const jobs = (await queue.getJobs(['completed'])).filter((j) => j.name === JobName.ReportBuild || j.name === JobName.ReportCompile);
    expect(jobs).toHaveLength(state.runs);
    expect(jobs.filter((j) => j.attemptsMade !== 1).map((j) => [j.id, j.attemptsMade, j.stacktrace])).toEqual([]);
    const failed = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.run_failed'`);
    expect(failed[0].n).toBe(0);
  }, 180_000);
});
