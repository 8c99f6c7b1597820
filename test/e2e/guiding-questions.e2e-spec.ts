import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { ReportDocument } from '@gcm/reports';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

interface Question { id: number; objective: number; position: number; text: string; source: string }
interface Questions { frameworkVersion: number; roundTable: string; questions: Question[] }

const BASE = '/api/v1/framework/round-tables/RT2/guiding-questions';

describe('guiding questions of a round table (secretariat catalogue edits)', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  let focal: CreatedUser;
  const list = async (): Promise<Questions> => (await t.http.get(BASE).set(bearer(sec.accessToken)).expect(200)).body;
  const versions = async () => (await t.dataSource.query('SELECT max(version)::int AS v FROM framework_version'))[0].v as number;
  const rowCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM guiding_question'))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0' } });
    sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('holds seed 003\'s questions for RT2 by objective, objective 9 included, and shows them in the public catalogue', async () => {
    const seeded = await list();
    expect(seeded.roundTable).toBe('RT2');
    const per = (n: number) => seeded.questions.filter((q) => q.objective === n);
    expect([4, 8, 9, 10, 11, 13, 21].map((n) => per(n).length)).toEqual([1, 2, 2, 2, 3, 3, 4]);
    expect(per(9)[0]).toMatchObject({ position: 1, source: 'IMRF 2022 round table 2 background note' });
    expect(per(9)[0].text).toMatch(/^What effective practices have Member States implemented to prevent and counter the smuggling/);
    const rt2 = (await t.http.get('/api/v1/framework/round-tables').expect(200)).body.find((r: { code: string }) => r.code === 'RT2');
    expect(rt2.guidingQuestions).toHaveLength(17);
  });

  it('is the secretariat\'s: 401 without a session, 403 for a focal point, nothing written', async () => {
    const count = await rowCount();
    await t.http.get(BASE).expect(401);
    await t.http.get(BASE).set(bearer(focal.accessToken)).expect(403);
    await t.http.post(BASE).set(bearer(focal.accessToken)).send({ objective: 8, text: 'Mine?' }).expect(403);
    await t.http.delete(`${BASE}/1`).set(bearer(focal.accessToken)).expect(403);
    expect(await rowCount()).toBe(count);
  });

  it('refuses bad input with the field named and writes nothing: a text over the cap, an objective outside RT2, an unknown field', async () => {
    const [count, version] = [await rowCount(), await versions()];
    const tooLong = await t.http.post(BASE).set(bearer(sec.accessToken)).send({ objective: 8, text: 'x'.repeat(1001) }).expect(400);
    expect(tooLong.body.details.map((d: { field: string }) => d.field)).toEqual(['text']);
    const outside = await t.http.post(BASE).set(bearer(sec.accessToken)).send({ objective: 5, text: 'On pathways?' }).expect(400);
    expect(outside.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'objective' }] });
    await t.http.post(BASE).set(bearer(sec.accessToken)).send({ objective: 8, text: '   ' }).expect(400);
    await t.http.post(BASE).set(bearer(sec.accessToken)).send({ objective: 8, text: 'Q?', extra: 1 }).expect(400);
    await t.http.post('/api/v1/framework/round-tables/RT9/guiding-questions').set(bearer(sec.accessToken)).send({ objective: 8, text: 'Q?' }).expect(404);
    const seeded = (await list()).questions[0];
    await t.http.patch(`${BASE}/${seeded.id}`).set(bearer(sec.accessToken)).send({ objective: 1 }).expect(400);
    await t.http.patch('/api/v1/framework/round-tables/RT1/guiding-questions/' + seeded.id).set(bearer(sec.accessToken)).send({ text: 'Q?' }).expect(404);
    expect([await rowCount(), await versions()]).toEqual([count, version]);
  });

  it('adds, edits, moves, reorders and removes: each a new framework version, audited, older versions unchanged', async () => {
    const start = await list();
    const added = await t.http.post(BASE).set(bearer(sec.accessToken))
      .send({ objective: 8, text: '  How can search and rescue be coordinated across borders?  ', frameworkVersion: start.frameworkVersion }).expect(201);
    const v1 = start.frameworkVersion + 1;
    expect(added.body.frameworkVersion).toBe(v1);
    const mine = (added.body as Questions).questions.find((q) => q.text === 'How can search and rescue be coordinated across borders?')!;
    expect(mine).toMatchObject({ objective: 8, position: 3, source: 'GCM review secretariat' });
    const [audit] = await t.dataSource.query(
      `SELECT actor_id AS "actorId", before, after FROM audit_log WHERE action = 'framework.guiding_question.create' AND entity_id = 'RT2' ORDER BY id DESC LIMIT 1`);
    expect(audit.actorId).toBe(sec.user.id);
    expect(audit.before.questions).toHaveLength(17);
    expect(audit.after).toMatchObject({ frameworkVersion: v1 });
    expect(audit.after.questions).toHaveLength(18);
    const snapshotOf = async (v: number) => (await t.dataSource.query('SELECT snapshot FROM framework_version WHERE version = $1', [v]))[0]
      .snapshot.roundTables.find((r: { code: string }) => r.code === 'RT2').guidingQuestions as Question[];
    expect(await snapshotOf(v1)).toHaveLength(18);
    expect(await snapshotOf(start.frameworkVersion)).toHaveLength(17);

    // A stale framework version is a conflict, not an overwrite.
    const stale = await t.http.patch(`${BASE}/${mine.id}`).set(bearer(sec.accessToken)).send({ text: 'Stale?', frameworkVersion: start.frameworkVersion }).expect(409);
    expect(stale.body.details).toEqual({ currentVersion: v1 });

    const first8 = start.questions.filter((q) => q.objective === 8);
    const reordered = await t.http.put(`${BASE}/order`).set(bearer(sec.accessToken))
      .send({ objective: 8, ids: [mine.id, first8[1].id, first8[0].id], frameworkVersion: v1 }).expect(200);
    expect((reordered.body as Questions).questions.filter((q) => q.objective === 8).map((q) => [q.id, q.position]))
      .toEqual([[mine.id, 1], [first8[1].id, 2], [first8[0].id, 3]]);
    await t.http.put(`${BASE}/order`).set(bearer(sec.accessToken)).send({ objective: 8, ids: [mine.id] }).expect(400);

    const moved = await t.http.patch(`${BASE}/${first8[1].id}`).set(bearer(sec.accessToken)).send({ objective: 10, text: 'What are the bottlenecks to humanitarian assistance?' }).expect(200);
    const after = moved.body as Questions;
    expect(after.questions.filter((q) => q.objective === 8).map((q) => [q.id, q.position])).toEqual([[mine.id, 1], [first8[0].id, 2]]);
    expect(after.questions.find((q) => q.id === first8[1].id)).toMatchObject({ objective: 10, position: 3, text: 'What are the bottlenecks to humanitarian assistance?' });

    const removed = await t.http.delete(`${BASE}/${first8[0].id}`).query({ frameworkVersion: after.frameworkVersion }).set(bearer(sec.accessToken)).expect(200);
    expect((removed.body as Questions).questions.some((q) => q.id === first8[0].id)).toBe(false);
    await t.http.delete(`${BASE}/${first8[0].id}`).set(bearer(sec.accessToken)).expect(404);
    const actions = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'round_table' AND entity_id = 'RT2' AND action LIKE 'framework.guiding_question.%' ORDER BY id`);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'framework.guiding_question.create', 'framework.guiding_question.reorder', 'framework.guiding_question.update', 'framework.guiding_question.delete']);
    expect(await versions()).toBe(start.frameworkVersion + 4);
  });

  it('prints them in a compiled RT2 report, per objective, as the catalogue now holds them', async () => {
    const expert = await createUser(t, { role: 'expert' });
    await seedReportDataset(t.dataSource, handMadeDataset(), { expertAuthorId: expert.user.id });
    worker = await startWorker();
    const res = await t.http.post('/api/v1/reports/requests').set(bearer(sec.accessToken)).send({ kind: 'round_table', scope: 'RT2', cycle: '2026-H1' });
    expect(res.status).toBeLessThan(300);
    const done = await waitFor(async () => {
      const r = (await t.http.get(`/api/v1/reports/runs/${res.body.id}`).set(bearer(sec.accessToken))).body;
      return r.status === 'completed' ? r : null;
    }, 'the RT2 report');
    const json = await t.http.get(`/api/v1/reports/${done.versionId}/download.json`).set(bearer(sec.accessToken)).buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
    const doc: ReportDocument = JSON.parse((json.body as Buffer).toString('utf8'));
    const section = doc.sections.find((s) => s.id === 'guiding-questions')!;
    expect(section.title).toBe('3. Guiding questions');
    const texts = section.blocks.flatMap((b) => (b.type === 'list' ? b.items : b.type === 'heading' ? [b.text] : []));
    const current = (await list()).questions;
    const headingOf = (n: number) => texts.findIndex((x) => x.startsWith(`Objective ${n}:`));
    expect([4, 8, 9, 10, 11, 13, 21].map(headingOf).every((i, k, all) => i >= 0 && (k === 0 || i > all[k - 1]))).toBe(true);
    for (const q of current) expect(texts).toContain(q.text);
    expect(texts.indexOf('How can search and rescue be coordinated across borders?')).toBe(headingOf(8) + 1);
  });
});
