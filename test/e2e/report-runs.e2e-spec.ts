import type { INestApplication } from '@nestjs/common';
import { JobName, QueueName, QueueService } from '@gcm/platform';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';
import { seedReportDataset, SeededIds } from '../support/report-dataset.seeder';

describe('report runs', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  let ids: SeededIds;
  const request = (body: object) => t.http.post('/api/v1/reports/requests').set(bearer(sec.accessToken)).send(body);
  const run = async (id: string) => (await t.http.get(`/api/v1/reports/runs/${id}`).set(bearer(sec.accessToken))).body;
  const finished = (id: string) => waitFor(async () => {
    const r = await run(id);
    return ['completed', 'failed', 'cancelled'].includes(r.status) ? r : null;
  }, `run ${id} to finish`);
  const reportJobs = async () => (await t.app.get(QueueService).queue(QueueName.Reports).getJobs(['delayed', 'waiting', 'active', 'completed', 'failed']))
    .filter((j) => j.name === JobName.ReportBuild);
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '1000', WORKER_CONCURRENCY: '2' } });
    sec = await createUser(t, { role: 'secretariat' });
    ids = await seedReportDataset(t.dataSource, handMadeDataset());
    worker = await startWorker();
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('builds a requested report into a version with every format', async () => {
    const res = await request({ kind: 'objective', scope: '8', cycle: '2026-H1' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ kind: 'objective', scope: '8', cycles: ['2026-H1'], status: 'queued', created: true });
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, versionNumber: 1, error: null, job: { state: 'completed' } });
    const versions = await t.http.get('/api/v1/reports/versions?kind=objective&scope=8').set(bearer(sec.accessToken));
    expect(versions.body.total).toBe(1);
    expect(versions.body.items[0]).toMatchObject({ number: 1, cycles: ['2026-H1'], publishedAt: null });
    expect(versions.body.items[0].files.map((f: { format: string }) => f.format)).toEqual(['json', 'html', 'pdf', 'csv', 'xlsx']);
  });

  it('answers 100 concurrent identical requests with one run, one job and one version', async () => {
    const jobsBefore = (await reportJobs()).length;
    const responses = await Promise.all(Array.from({ length: 100 }, () => request({ kind: 'theme', scope: 't2', cycle: '2026-H1' })));
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(202));
    const runIds = new Set(responses.map((r) => r.body.id));
    expect(runIds.size).toBe(1);
    expect(responses.filter((r) => r.body.created)).toHaveLength(1);
    const [id] = runIds;
    await finished(id);
    expect(await count(`SELECT count(*)::int n FROM report_run WHERE kind = 'theme' AND scope = 'T2'`)).toBe(1);
    expect((await reportJobs()).length).toBe(jobsBefore + 1);
    expect(await count(`SELECT count(*)::int n FROM report_version WHERE kind = 'theme' AND scope = 'T2'`)).toBe(1);
    expect(await count(`SELECT count(*)::int n FROM report_file f JOIN report_version v ON v.id = f.version_id WHERE v.kind = 'theme'`)).toBe(5);
  });

  it('reuses the version while the data is unchanged and makes version 2 once it changed', async () => {
    const again = await request({ kind: 'objective', scope: '8', cycle: '2026-H1' });
    expect(again.body.created).toBe(true);
    expect(await finished(again.body.id)).toMatchObject({ status: 'completed', versionNumber: 1 });
    // A State's update on objective 8 now reports the pledge achieved.
    await t.dataSource.query(
      `UPDATE progress_update SET status = 'achieved', percent_complete = 100 WHERE pledge_id = $1`,
      [ids.pledges.get('p00')],
    );
    const changed = await request({ kind: 'objective', scope: '8', cycle: '2026-H1' });
    expect(await finished(changed.body.id)).toMatchObject({ status: 'completed', versionNumber: 2 });
    expect(await count(`SELECT count(*)::int n FROM report_version WHERE kind = 'objective' AND scope = '8'`)).toBe(2);
  });

  it('cancels a queued run and runs it again on retry', async () => {
    const queued = await request({ kind: 'round_table', scope: 'RT2', cycle: '2026-H1' });
    const cancelled = await t.http.post(`/api/v1/reports/runs/${queued.body.id}/cancel`).set(bearer(sec.accessToken));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 800));
    expect(await run(queued.body.id)).toMatchObject({ status: 'cancelled', versionId: null, job: null });
    expect((await t.http.post(`/api/v1/reports/runs/${queued.body.id}/cancel`).set(bearer(sec.accessToken))).status).toBe(409);
    const retried = await t.http.post(`/api/v1/reports/runs/${queued.body.id}/retry`).set(bearer(sec.accessToken));
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe('queued');
    expect(await finished(queued.body.id)).toMatchObject({ status: 'completed', versionNumber: 1 });
    expect((await t.http.post(`/api/v1/reports/runs/${queued.body.id}/retry`).set(bearer(sec.accessToken))).status).toBe(409);
  });

  it('shows a failed run with its error, and retries it once the cause is gone', async () => {
    const [org] = await t.dataSource.query(`INSERT INTO organisation (kind, name, version) VALUES ('academia', 'Short-lived Institute', 1) RETURNING id`);
    const queue = t.app.get(QueueService).queue(QueueName.Reports);
    await queue.pause();
    const res = await request({ kind: 'state', scope: org.id, cycle: '2026-H1' });
    expect(res.status).toBe(202);
    await t.dataSource.query('DELETE FROM organisation WHERE id = $1', [org.id]);
    await queue.resume();
    const failed = await finished(res.body.id);
    expect(failed).toMatchObject({ status: 'failed', versionId: null, job: { state: 'failed' } });
    expect(failed.error).toMatch(/organisation .* no longer exists/);
    const list = await t.http.get('/api/v1/reports/runs?status=failed').set(bearer(sec.accessToken));
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(res.body.id);
    await t.dataSource.query(`INSERT INTO organisation (id, kind, name, version) VALUES ($1, 'academia', 'Short-lived Institute', 1)`, [org.id]);
    expect((await t.http.post(`/api/v1/reports/runs/${res.body.id}/retry`).set(bearer(sec.accessToken))).status).toBe(202);
    expect(await finished(res.body.id)).toMatchObject({ status: 'completed', error: null });
  });

  it('publishes a version for everyone; unpublished ones do not exist outside the secretariat', async () => {
    const versions = (await t.http.get('/api/v1/reports/versions?kind=objective&scope=8').set(bearer(sec.accessToken))).body.items;
    const [v2, v1] = versions;
    expect((await t.http.get(`/api/v1/reports/${v1.id}/download.pdf`)).status).toBe(404);
    expect((await t.http.get(`/api/v1/reports/${v1.id}`)).status).toBe(404);
    const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    expect((await t.http.get(`/api/v1/reports/${v1.id}/download.json`).set(bearer(focal.accessToken))).status).toBe(404);
    expect((await t.http.get(`/api/v1/reports/${v1.id}/download.json`).set(bearer(sec.accessToken))).status).toBe(200);

    const published = await t.http.post(`/api/v1/reports/versions/${v2.id}/publish`).set(bearer(sec.accessToken));
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).toEqual(expect.any(String));
    expect((await t.http.post(`/api/v1/reports/versions/${v2.id}/publish`).set(bearer(sec.accessToken))).status).toBe(409);

    const list = await t.http.get('/api/v1/reports?kind=objective');
    expect(list.status).toBe(200);
    expect(list.body.items.map((v: { id: string }) => v.id)).toEqual([v2.id]);
    const types: Record<string, RegExp> = { json: /json/, html: /text\/html/, pdf: /application\/pdf/, csv: /text\/csv/, xlsx: /spreadsheetml/ };
    for (const file of list.body.items[0].files) {
      const res = await t.http.get(file.url).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(types[file.format]);
      // The HTML edition opens in the browser, under a policy that allows its own styles and nothing else; the rest download.
      const disposition = file.format === 'html' ? 'inline' : 'attachment';
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^${disposition}; filename="gcm-objective-8-2026-H1-v2\\.${file.format}"`));
      if (file.format === 'html') {
        expect(res.headers['content-security-policy']).toBe(
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        expect((res.body as Buffer).toString('utf8')).toMatch(/<style>/);
      }
      expect((res.body as Buffer).length).toBe(file.size);
    }
    const cached = await t.http.get(`/api/v1/reports/${v2.id}/download.pdf`).set('If-None-Match', `"${list.body.items[0].files[2].sha256}"`);
    expect(cached.status).toBe(304);
  });

  it('refuses bad requests with field errors and keeps the desk to the secretariat', async () => {
    const bad = await request({ kind: 'galaxy', scope: '8', cycle: '2026-H1' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'kind' })]));
    expect((await request({ kind: 'objective', scope: '24', cycle: '2026-H1' })).body.details).toEqual([
      { field: 'scope', messages: [expect.stringMatching(/GCM objective number/)] },
    ]);
    expect((await request({ kind: 'objective', scope: '8', cycle: '2031-H1' })).body.details[0].field).toBe('cycle');
    expect((await request({ kind: 'state', scope: 'FRA', cycles: ['2025-H2', '2026-H1'] })).status).toBe(400);
    expect((await request({ kind: 'region', scope: '999', cycle: '2026-H1' })).status).toBe(400);
    expect((await request({ kind: 'objective', scope: '8', cycle: '2026-H1', extra: 1 })).status).toBe(400);
    expect((await t.http.get('/api/v1/reports/runs?status=done').set(bearer(sec.accessToken))).status).toBe(400);
    expect((await t.http.post('/api/v1/reports/requests').send({ kind: 'objective', scope: '8', cycle: '2026-H1' })).status).toBe(401);
    const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'DEU' });
    expect((await t.http.get('/api/v1/reports/runs').set(bearer(focal.accessToken))).status).toBe(403);
    expect((await t.http.get('/api/v1/reports/not-a-uuid/download.pdf')).status).toBe(400);
    expect((await t.http.get('/api/v1/reports/00000000-0000-4000-8000-000000000000/download.docx')).status).toBe(400);
  });
});
