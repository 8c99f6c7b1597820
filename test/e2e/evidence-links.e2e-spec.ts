import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { JobName, QueueService, queueOf } from '@gcm/platform';
import { buildImrfSummary, ReportDatasetLoader } from '@gcm/reports';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';

/**
 * Evidence links are checked by the worker's job (never by an API request), against a local
 * server answering 200, 404 and never; loopback is reachable here only because this file
 * allows private networks by configuration (EVIDENCE_LINK_ALLOW_PRIVATE), as the webhooks' tests do.
 */
describe('evidence-link checks: a worker job, a plausibility warning, the IMRF method note', () => {
  let t: TestApp;
  let worker: INestApplication;
  let server: Server;
  let base: string;
  let focal: CreatedUser;
  let secretariat: CreatedUser;
  let updateId: string;
  let draftId: string;
  const sockets = new Set<Socket>();
  const as = (u: CreatedUser) => bearer(u.accessToken);
  const CYCLE = '2026-H1';

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/report') return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>report</p>');
      if (req.url === '/gone') return res.writeHead(404).end('gone');
      // /slow never answers: the check's timeout ends it.
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createTestApp({ env: { EVIDENCE_LINK_ALLOW_PRIVATE: 'true', EVIDENCE_LINK_TIMEOUT_MS: '700' } });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'PRT' });
    secretariat = await createUser(t, { role: 'secretariat' });
    await openCycle(t, secretariat, { code: CYCLE, periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    const pledge = await publishedPledge(t, focal, secretariat, { title: 'Evidence links checked by the worker' });
    const draftPledge = await publishedPledge(t, focal, secretariat, { title: 'A draft whose link is not checked' });
    const body = (evidence: { url: string; title: string }[]) => ({
      cycle: CYCLE, status: 'on_track', percentComplete: 40, actionsTaken: 'Centres opened.', challenges: '', nextSteps: '', evidence,
    });
    const created = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(focal))
      .send(body([
        { url: `${base}/report`, title: 'Half-year report' },
        { url: `${base}/gone`, title: 'Moved page' },
        { url: `${base}/slow`, title: 'Slow portal' },
      ])).expect(201);
    updateId = created.body.id;
    await t.http.post(`/api/v1/updates/${updateId}/submit`).set(as(focal)).send({ version: created.body.version }).expect(200);
    const draft = await t.http.post(`/api/v1/pledges/${draftPledge.id}/updates`).set(as(focal)).send(body([{ url: `${base}/gone`, title: 'Draft link' }])).expect(201);
    draftId = draft.body.id;
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  const checks = (id: string) => t.dataSource.query(
    `SELECT title, link_outcome AS outcome, link_http_status AS status, link_checked_at IS NOT NULL AS checked
       FROM progress_evidence WHERE update_id = $1 ORDER BY title`,
    [id],
  );
  const linkWarnings = (warnings: { code: string; message: string }[]) => warnings.filter((w) => w.code === 'evidence_link_unanswered').map((w) => w.message).sort();

  it('answers the submit without checking anything (no worker is running yet): no warning until the job has run', async () => {
    expect((await checks(updateId)).map((c: { checked: boolean }) => c.checked)).toEqual([false, false, false]);
    const view = await t.http.get(`/api/v1/updates/${updateId}`).set(as(focal)).expect(200);
    expect(linkWarnings(view.body.warnings)).toEqual([]);
  });

  it('the job checks the submitted update\'s links and records each outcome; a draft\'s link waits', async () => {
    // The worker's scheduler runs the job on start; the enqueue makes the run certain, whichever comes first.
    worker = await startWorker();
    await worker.get(QueueService).enqueue(JobName.EvidenceLinksCheck, {});
    await waitFor(async () => (await checks(updateId)).every((c: { outcome: string | null }) => c.outcome), 'the links to be checked');
    expect(await checks(updateId)).toEqual([
      { title: 'Half-year report', outcome: 'ok', status: 200, checked: true },
      { title: 'Moved page', outcome: 'http_error', status: 404, checked: true },
      { title: 'Slow portal', outcome: 'timeout', status: null, checked: true },
    ]);
    expect(await checks(draftId)).toEqual([{ title: 'Draft link', outcome: null, status: null, checked: false }]);
    const audits = await t.dataSource.query("SELECT actor_role AS role, after FROM audit_log WHERE action = 'evidence.links_checked'");
    expect(audits).toEqual([{ role: 'system', after: { checked: 3, outcomes: { ok: 1, http_error: 1, timeout: 1 } } }]);
  });

  it('the focal point, the secretariat and the workbench see "an evidence link that does not answer"', async () => {
    const expected = [`The evidence link "Moved page" (${base}/gone) does not answer`, `The evidence link "Slow portal" (${base}/slow) does not answer`];
    const own = await t.http.get(`/api/v1/updates/${updateId}`).set(as(focal)).expect(200);
    expect(linkWarnings(own.body.warnings)).toEqual(expected);
    const review = await t.http.get(`/api/v1/updates/${updateId}`).set(as(secretariat)).expect(200);
    expect(linkWarnings(review.body.warnings)).toEqual(expected);
    const bench = await t.http.get(`/api/v1/workspace/cycles/${CYCLE}`).set(as(focal)).expect(200);
    const row = bench.body.rows.find((r: { update: { id: string } | null }) => r.update?.id === updateId);
    expect(linkWarnings(row.warnings)).toEqual(expected);
    // The workbench's links keep their shape: the outcome feeds the warning only.
    expect(row.update.links).toContainEqual({ url: `${base}/report`, title: 'Half-year report' });
  });

  it('a link checked within EVIDENCE_LINK_RECHECK_HOURS is not checked again', async () => {
    const before = await t.dataSource.query("SELECT link_checked_at AS at FROM progress_evidence WHERE update_id = $1 ORDER BY id", [updateId]);
    const job = await worker.get(QueueService).enqueue(JobName.EvidenceLinksCheck, {});
    const queue = worker.get(QueueService).queue(queueOf(JobName.EvidenceLinksCheck));
    await waitFor(async () => (await queue.getJob(job))?.finishedOn, 'the second run');
    expect((await queue.getJob(job))!.returnvalue).toEqual({ checked: 0, outcomes: {} });
    expect(await t.dataSource.query("SELECT link_checked_at AS at FROM progress_evidence WHERE update_id = $1 ORDER BY id", [updateId])).toEqual(before);
  });

  it('validation keeps the warnings the secretariat saw, and the IMRF summary\'s method note counts them by kind', async () => {
    await t.http.post(`/api/v1/updates/${updateId}/validate`).set(as(secretariat)).send({}).expect(200);
    const [{ kept }] = await t.dataSource.query('SELECT validated_warnings AS kept FROM progress_update WHERE id = $1', [updateId]);
    expect(kept).toEqual(['evidence_link_unanswered', 'evidence_link_unanswered']);
    const [{ id: cycleId }] = await t.dataSource.query('SELECT id FROM reporting_cycle WHERE code = $1', [CYCLE]);
    const data = await worker.get(ReportDatasetLoader).load([cycleId]);
    const doc = buildImrfSummary({ ...data, snapshot: { id: 'x', takenAt: data.takenAt, frameworkVersion: data.frameworkVersion }, scope: { cycleCodes: [CYCLE] } });
    const notes = doc.sections.find((s) => s.id === 'method')!.blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(notes).toContain(
      'Plausibility warnings (never blocking) that the secretariat saw when validating the updates counted here, by kind: ' +
      'an evidence link that does not answer: 2. Validated updates counted: 1.',
    );
  });
});
