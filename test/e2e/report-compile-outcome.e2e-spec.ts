import type { INestApplication } from '@nestjs/common';
import { JobName, QueueName, QueueService } from '@gcm/platform';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { freePort, launchBrowser, person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';
import { flowState } from '../support/flow-check';
import { ReportsReconcileService } from '../../libs/reports/src/runs/worker/reports-reconcile.service';
import { seedReportDataset } from '../support/report-dataset.seeder';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';

/**
 * A cycle is compiled only when every report of its flow completed. Here the
 * worker (in this process) reaches PostgreSQL through a relay that is cut for
 * six seconds mid-flow, as a failover looks to it; and one report's scope
 * (objective 8 of the closed cycle) is gone from the catalogue, a build
 * error that no retry fixes until the data is put right.
 */
describe('compiling a cycle: complete, or saying why not', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let focal: CreatedUser;
  let cycleId: string;
  let worker: INestApplication | undefined;
  let proxy: TcpProxy;
  let base: string;
  const cycleStatus = async () => (await t.dataSource.query('SELECT status FROM reporting_cycle WHERE id = $1', [cycleId]))[0].status;
  /** The worker app in this process, reaching PostgreSQL through the relay. */
  const startRelayedWorker = async (env: Record<string, string> = {}) => {
    const saved = { ...process.env };
    const relayed = new URL(process.env.DATABASE_URL!);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(proxy.port);
    Object.assign(process.env, { DATABASE_URL: relayed.toString(), ...env });
    try {
      return await startWorker();
    } finally {
      for (const key of ['DATABASE_URL', ...Object.keys(env)]) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  };
  const reportsOf = (user: CreatedUser) => t.http.get('/api/v1/cycles/2026-H1/reports').set(bearer(user.accessToken));

  beforeAll(async () => {
    t = await createTestApp({ env: { WORKER_CONCURRENCY: '4' } });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    await t.app.listen(port, '127.0.0.1');
    sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    const ids = await seedReportDataset(t.dataSource, handMadeDataset(), { cycleStatus: { '2025-H2': 'compiled', '2026-H1': 'open' } });
    cycleId = ids.cycles.get('2026-H1')!;
    proxy = await startTcpProxy(Number(new URL(t.db.url).port || 5432), new URL(t.db.url).hostname);
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await proxy?.close();
    await t?.close();
  });

  it('leaves the cycle compiled_with_failures, naming the failed report; an outage costs no attempt', async () => {
    const { version } = (await t.http.get('/api/v1/cycles/2026-H1')).body;
    expect((await t.http.post('/api/v1/cycles/2026-H1/close').set(bearer(sec.accessToken)).send({ version })).status).toBe(200);
    // The objective this run reports on is no longer in the catalogue when the worker gets to it.
    await t.dataSource.query(`UPDATE report_run SET scope = '99' WHERE cycle_id = $1 AND kind = 'objective' AND scope = '8'`, [cycleId]);

    worker = await startRelayedWorker();
    await waitFor(async () => (await flowState(t.dataSource, cycleId)).byStatus.completed >= 3, 'the first reports to complete', 60_000, 100);
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 6000));
    await proxy.restore();

    let seen: unknown;
    await waitFor(async () => {
      seen = await flowState(t.dataSource, cycleId);
      return (await cycleStatus()) === 'compiled_with_failures';
    }, () => `the cycle to be compiled with failures: ${JSON.stringify(seen)}`, 120_000, 300);
    const state = await flowState(t.dataSource, cycleId);
    expect(state.byStatus).toEqual({ completed: state.runs - 1, failed: 1 });

    const view = await reportsOf(sec);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ cycle: '2026-H1', cycleStatus: 'compiled_with_failures', total: state.runs, byStatus: { completed: state.runs - 1, failed: 1 } });
    expect(view.body.failed).toEqual([
      expect.objectContaining({ kind: 'objective', scope: '99', status: 'failed', failureKind: 'build', error: expect.stringMatching(/objective 99/) }),
    ]);
    expect((await reportsOf(focal)).status).toBe(403);

    // The relay was cut under running jobs: they waited it out (moved back to delayed) without spending an attempt.
    const jobs = (await t.app.get(QueueService).queue(QueueName.Reports).getJobs(['completed']))
      .filter((j) => j.name === JobName.ReportBuild || j.name === JobName.ReportCompile);
    expect(jobs.length).toBe(state.runs - 1);
    expect(jobs.filter((j) => (j.data.infraRetries ?? 0) > 0).length).toBeGreaterThan(0);
    expect(jobs.filter((j) => j.attemptsMade !== 1).map((j) => [j.id, j.attemptsMade, j.data])).toEqual([]);
    const audit = await t.dataSource.query(`SELECT action, after FROM audit_log WHERE entity_id = $1 AND action LIKE 'cycle.compile%'`, [cycleId]);
    expect(audit).toEqual([{ action: 'cycle.compile_with_failures', after: expect.objectContaining({ status: 'compiled_with_failures', failedRuns: 1 }) }]);
  }, 200_000);

  it('never shows a version that lacks one of its five files', async () => {
    const [v] = await t.dataSource.query(
      `SELECT v.id FROM report_version v WHERE v.cycle_id = $1 AND v.kind = 'theme' ORDER BY v.scope LIMIT 1`, [cycleId]);
    await t.dataSource.query(`UPDATE report_version SET published_at = now() WHERE id = $1`, [v.id]);
    expect((await t.http.get(`/api/v1/reports/${v.id}`)).status).toBe(200);
    // As a build cut off between two files leaves it.
    const [[xlsx]] = await t.dataSource.query(`DELETE FROM report_file WHERE version_id = $1 AND format = 'xlsx' RETURNING *`, [v.id]);
    expect((await t.http.get(`/api/v1/reports/${v.id}`)).status).toBe(404);
    expect((await t.http.get(`/api/v1/reports/${v.id}/download.pdf`)).status).toBe(404);
    const listed = async (path: string, user?: CreatedUser) => {
      const req = t.http.get(`${path}?cycle=2026-H1&kind=theme&limit=100`);
      const res = user ? await req.set(bearer(user.accessToken)) : await req;
      return res.body.items.map((i: { id: string }) => i.id);
    };
    expect(await listed('/api/v1/reports')).not.toContain(v.id);
    expect(await listed('/api/v1/reports/versions', sec)).not.toContain(v.id);
    expect((await t.http.get(`/api/v1/reports/${v.id}`).set(bearer(sec.accessToken))).status).toBe(404);
    await t.dataSource.query(`UPDATE report_version SET published_at = NULL WHERE id = $1`, [v.id]);
    expect((await t.http.post(`/api/v1/reports/versions/${v.id}/publish`).set(bearer(sec.accessToken))).status).toBe(409);
    // Its last file stored, it is a report again.
    await t.dataSource.query(
      'INSERT INTO report_file (version_id, format, content_type, sha256, size, bytes) VALUES ($1, $2, $3, $4, $5, $6)',
      [xlsx.version_id, xlsx.format, xlsx.content_type, xlsx.sha256, xlsx.size, xlsx.bytes],
    );
    expect(await listed('/api/v1/reports/versions', sec)).toContain(v.id);
  });

  it('retries every failed report in one action (secretariat only, audited) and then compiles the cycle', async () => {
    expect((await t.http.post('/api/v1/cycles/2026-H1/retry-failed-reports').set(bearer(focal.accessToken))).status).toBe(403);
    // The secretariat puts the catalogue right (here: the run back on its objective), then retries.
    await t.dataSource.query(`UPDATE report_run SET scope = '8' WHERE cycle_id = $1 AND kind = 'objective' AND scope = '99'`, [cycleId]);
    // On the cycles page: the failed report, why it failed, and the one button.
    const browser = await launchBrowser();
    try {
      const desk = await person(browser, 'compile-outcome-secretariat');
      await signIn(desk.page, base, sec.user.email, sec.password, '/workspace/cycles');
      const panel = desk.page.getByRole('region', { name: 'Compilation of 2026-H1' });
      await panel.getByText('1 report did not complete').waitFor();
      const row = panel.getByRole('row', { name: /Objective 8/ });
      await expect(row.textContent()).resolves.toMatch(/Failed.*objective 99 is not in the catalogue.*Build error/s);
      await desk.shot('failed-reports');
      await panel.getByRole('button', { name: 'Retry the 1 failed report' }).click();
      await desk.page.locator('.notice--success', { hasText: '1 report of 2026-H1 queued again' }).waitFor();
      expect(desk.errors).toEqual([]);
    } finally {
      await browser.close();
    }
    const again = await t.http.post('/api/v1/cycles/2026-H1/retry-failed-reports').set(bearer(sec.accessToken));
    expect(again.status).toBe(409);

    await waitFor(async () => (await cycleStatus()) === 'compiled', 'the cycle to be compiled', 90_000, 300);
    const state = await flowState(t.dataSource, cycleId);
    expect(state).toMatchObject({
      byStatus: { completed: state.runs }, duplicateRuns: [], versions: state.runs, duplicateVersions: [], files: state.runs * 5,
      incompleteVersions: 0, summaryLast: true,
    });
    // Only the summary completed twice: the retry ran it again, after the retried report (same snapshot, same version).
    const twice = await t.dataSource.query(
      `SELECT r.kind, count(*)::int AS n FROM audit_log a JOIN report_run r ON r.id::text = a.entity_id
        WHERE a.action = 'report.run_completed' AND r.cycle_id = $1 GROUP BY r.id, r.kind HAVING count(*) > 1`,
      [cycleId],
    );
    expect(twice).toEqual([{ kind: 'imrf_summary', n: 2 }]);
    expect((await reportsOf(sec)).body).toMatchObject({ cycleStatus: 'compiled', failed: [] });
    expect((await t.http.post('/api/v1/cycles/2026-H1/retry-failed-reports').set(bearer(sec.accessToken))).status).toBe(409);
    const audit = await t.dataSource.query(
      `SELECT action, before->>'status' AS before FROM audit_log WHERE entity_id = $1 AND action IN ('cycle.reports_retried', 'cycle.compile') ORDER BY id`,
      [cycleId],
    );
    expect(audit).toEqual([{ action: 'cycle.reports_retried', before: 'compiled_with_failures' }, { action: 'cycle.compile', before: 'compiled_with_failures' }]);
  }, 120_000);

  it('fails a run as infrastructure once an outage outlasts the retry window, and the reconcile job re-queues it when the database is back', async () => {
    await worker?.close();
    worker = await startRelayedWorker({ REPORT_INFRA_RETRY_MINUTES: '1' });
    await proxy.cut();
    const requested = await t.http.post('/api/v1/reports/requests').set(bearer(sec.accessToken)).send({ kind: 'theme', scope: 'T3', cycle: '2026-H1' });
    expect(requested.status).toBe(202);
    const job = () => t.app.get(QueueService).queue(QueueName.Reports).getJob(requested.body.id);
    // The worker cannot reach the database for the whole minute: the job waits it out, then fails for good.
    const failed = await waitFor(async () => ((await (await job())?.getState()) === 'failed' ? job() : null), 'the job to fail for good', 150_000, 1000);
    expect(failed!.failedReason).toMatch(/ECONNREFUSED/);
    expect(failed!.attemptsMade).toBe(1);
    await proxy.restore();

    const outcome = await t.app.get(ReportsReconcileService).reconcile(0);
    expect(outcome).toMatchObject({ failed: 1, infraRetried: 1 });
    const done = await waitFor(async () => {
      const r = (await t.http.get(`/api/v1/reports/runs/${requested.body.id}`).set(bearer(sec.accessToken))).body;
      return r.status === 'completed' ? r : null;
    }, 'the re-queued run to complete', 60_000, 300);
    expect(done).toMatchObject({ status: 'completed', error: null, failureKind: null, versionNumber: 1 });
    const audit = await t.dataSource.query(`SELECT action, after->>'failureKind' AS kind FROM audit_log WHERE entity_id = $1 AND action IN ('report.run_failed', 'report.retried') ORDER BY id`, [requested.body.id]);
    expect(audit).toEqual([{ action: 'report.run_failed', kind: 'infra' }, { action: 'report.retried', kind: null }]);
  }, 240_000);
});
