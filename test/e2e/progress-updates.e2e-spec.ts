import { createHash } from 'node:crypto';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { count, openCycle, pledgeBody, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('evidence of rescues at sea\n'.repeat(50))]);

describe('progress updates: one per pledge per cycle, review, late flag, evidence, my work', () => {
  let t: TestApp;
  let focal: CreatedUser;
  let other: CreatedUser;
  let secretariat: CreatedUser;
  let expert: CreatedUser;
  let pledge: { id: string; reference: string; version: number };
  let quiet: { id: string; reference: string };
  let people: string;
  let share: string;
  let c1: string;
  let c2: string;
  let fileEvidence: { id: string; sha256: string };

  beforeAll(async () => {
    t = await createTestApp();
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'ITA' });
    other = await createUser(t, { role: 'focal_point', organisationAlpha3: 'ESP' });
    secretariat = await createUser(t, { role: 'secretariat' });
    expert = await createUser(t, { role: 'expert' });
    const indicators = [
      ...(pledgeBody().indicators as object[]),
      { name: 'Share of rescues coordinated', unit: '%', direction: 'increase', baseline: { value: 40, date: '2023-12-31' }, target: { value: 90, date: '2027-12-31' } },
    ];
    pledge = await publishedPledge(t, focal, secretariat, { indicators });
    quiet = await publishedPledge(t, focal, secretariat, { title: 'A pledge with nothing reported yet' });
    const [a, b] = (await t.http.get(`/api/v1/pledges/${pledge.reference}`).expect(200)).body.indicators;
    [people, share] = [a.id, b.id];
    await openCycle(t, secretariat, { code: '2024-H1', periodStart: '2024-01-01', periodEnd: '2024-06-30', deadline: '2099-12-31' });
    await openCycle(t, secretariat, { code: '2024-H2', periodStart: '2024-07-01', periodEnd: '2024-12-31', deadline: '2025-01-15' });
    await openCycle(t, secretariat, { code: '2025-H1', periodStart: '2025-01-01', periodEnd: '2025-06-30', deadline: '2099-12-31' });
  });
  afterAll(() => t.close());

  const as = (u: CreatedUser) => bearer(u.accessToken);
  const update = (cycle: string, extra: Record<string, unknown> = {}) => ({
    cycle,
    status: 'on_track',
    percentComplete: 25,
    actionsTaken: 'Two new rescue coordination centres opened.',
    challenges: 'Staffing at night.',
    nextSteps: 'Train 40 more operators.',
    measurements: [
      { indicatorId: people, value: 180, asOf: '2024-06-30', note: 'Coast guard figures' },
      { indicatorId: share, value: 55, asOf: '2024-06-30' },
    ],
    evidence: [{ url: 'https://example.org/report-2024-h1', title: 'Half-year report' }],
    partnerContributions: [{ name: 'Sea Watch volunteers', contribution: 'Night shifts at the centre' }],
    ...extra,
  });

  it('creates one update per pledge and cycle: a second is refused, a retried POST creates one', async () => {
    const res = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(focal)).set('Idempotency-Key', 'upd-2024-h1').send(update('2024-H1')).expect(201);
    c1 = res.body.id;
    expect(res.body).toMatchObject({ editorialStatus: 'draft', cycle: '2024-H1', percentComplete: 25, version: 1, previous: null });
    expect(res.body.measurements).toEqual([
      { indicatorId: people, indicatorName: 'People rescued', unit: 'people', value: 180, asOf: '2024-06-30', note: 'Coast guard figures' },
      { indicatorId: share, indicatorName: 'Share of rescues coordinated', unit: '%', value: 55, asOf: '2024-06-30', note: null },
    ]);
    const retry = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(focal)).set('Idempotency-Key', 'upd-2024-h1').send(update('2024-H1')).expect(201);
    expect(retry.body.id).toBe(c1);
    const second = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(focal)).send(update('2024-H1', { percentComplete: 30 })).expect(409);
    expect(second.body.details).toEqual({ updateId: c1 });
    const [{ id: cycleId }] = await t.dataSource.query("SELECT id FROM reporting_cycle WHERE code = '2024-H1'");
    await expect(
      t.dataSource.query('INSERT INTO progress_update (pledge_id, cycle_id, status, percent_complete) VALUES ($1, $2, $3, 1)', [pledge.id, cycleId, 'on_track']),
    ).rejects.toThrow(/uq_progress_update_pledge_cycle/);
    expect(await count(t, 'progress_update')).toBe(1);
  });

  it('refuses bad updates with 400 and field errors, changing nothing', async () => {
    const before = [await count(t, 'progress_update'), await count(t, 'progress_measurement'), await count(t, 'audit_log')];
    const [foreign] = (await t.http.get(`/api/v1/pledges/${quiet.reference}`).expect(200)).body.indicators;
    const cases: [Record<string, unknown>, string][] = [
      [{ percentComplete: 101 }, 'percentComplete'],
      [{ percentComplete: 12.5 }, 'percentComplete'],
      [{ status: 'finished' }, 'status'],
      [{ actionsTaken: 'x'.repeat(5001) }, 'actionsTaken'],
      [{ evidence: [{ url: 'ftp://example.org/x', title: 'FTP' }] }, 'evidence.0.url'],
      [{ measurements: [{ indicatorId: foreign.id, value: 1, asOf: '2024-06-30' }] }, 'measurements.0.indicatorId'],
      [{ measurements: [{ indicatorId: share, value: 120, asOf: '2024-06-30' }] }, 'measurements.0.value'],
      [{ measurements: [{ indicatorId: people, value: 'many', asOf: '2024-06-30' }] }, 'measurements.0.value'],
      [{ measurements: [{ indicatorId: people, value: 1, asOf: '2015-01-01' }] }, 'measurements.0.asOf'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [extra, field] of cases) {
      const res = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(focal)).send(update('2025-H1', extra));
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const patch = await t.http.patch(`/api/v1/updates/${c1}`).set(as(focal)).set('If-Match', '"1"').send({ percentComplete: 101, challenges: 'changed' });
    expect(patch.status).toBe(400);
    expect([await count(t, 'progress_update'), await count(t, 'progress_measurement'), await count(t, 'audit_log')]).toEqual(before);
    expect((await t.http.get(`/api/v1/updates/${c1}`).set(as(focal)).expect(200)).body).toMatchObject({ version: 1, challenges: 'Staffing at night.' });
  });

  it('accepts exactly one of 50 parallel edits at the same version; the others get 409', async () => {
    await t.http.patch(`/api/v1/updates/${c1}`).set(as(focal)).send({ percentComplete: 26 }).expect(428);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.http.patch(`/api/v1/updates/${c1}`).set(as(focal)).set('If-Match', '"1"').send({ percentComplete: 30 + (i % 50) })),
    );
    const statuses = results.map((r) => r.status);
    expect([statuses.filter((s) => s === 200).length, statuses.filter((s) => s === 409).length]).toEqual([1, 49]);
    const winner = results.find((r) => r.status === 200)!;
    const now = await t.http.get(`/api/v1/updates/${c1}`).set(as(focal)).expect(200);
    expect(now.body).toMatchObject({ version: 2, percentComplete: winner.body.percentComplete });
    expect(now.headers.etag).toBe('"2"');
  });

  it('stores uploaded evidence with its SHA-256 and refuses oversize and disallowed files', async () => {
    const upload = () => t.http.post(`/api/v1/updates/${c1}/evidence/files`).set(as(focal)).set('Idempotency-Key', 'file-0001')
      .field('title', 'Coast guard report').attach('file', PDF, { filename: 'report.pdf', contentType: 'application/pdf' });
    const up = await upload().expect(201);
    fileEvidence = up.body;
    expect((await upload().expect(201)).body.id).toBe(up.body.id);
    expect(await count(t, 'progress_evidence')).toBe(2);
    expect(up.body).toMatchObject({ kind: 'file', fileName: 'report.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    expect(up.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await t.http.post(`/api/v1/updates/${c1}/evidence/files`).set(as(focal))
      .field('title', 'Too big').attach('file', big, { filename: 'big.pdf', contentType: 'application/pdf' });
    expect(tooBig.status).toBe(413);
    const exe = await t.http.post(`/api/v1/updates/${c1}/evidence/files`).set(as(focal))
      .field('title', 'Program').attach('file', Buffer.from('MZ\x90\x00'), { filename: 'run.exe', contentType: 'application/x-msdownload' });
    expect(exe.status).toBe(400);
    expect(exe.body.details[0].field).toBe('file');
    const disguised = await t.http.post(`/api/v1/updates/${c1}/evidence/files`).set(as(focal))
      .field('title', 'Fake').attach('file', Buffer.from('MZ\x90\x00 not a pdf'), { filename: 'fake.pdf', contentType: 'application/pdf' });
    expect(disguised.status).toBe(400);
    expect(await count(t, 'evidence_blob')).toBe(1);
    const own = await t.http.get(`/api/v1/updates/${c1}/evidence/${fileEvidence.id}/file`).set(as(focal)).buffer(true).expect(200);
    expect(own.headers['x-content-sha256']).toBe(fileEvidence.sha256);
    expect(Buffer.compare(own.body as Buffer, PDF)).toBe(0);
    await t.http.get(`/api/v1/updates/${c1}/evidence/${fileEvidence.id}/file`).expect(404);
  });

  it('keeps an Arabic or Chinese evidence file name as typed, in the listing and in the download', async () => {
    for (const fileName of ['تقرير التقدم ٢٠٢٤.pdf', '进展报告 2024年.pdf']) {
      const up = await t.http.post(`/api/v1/updates/${c1}/evidence/files`).set(as(focal))
        .field('title', 'Translated report').attach('file', PDF, { filename: fileName, contentType: 'application/pdf' }).expect(201);
      expect(up.body.fileName).toBe(fileName);
      const listed = await t.http.get(`/api/v1/updates/${c1}`).set(as(focal)).expect(200);
      expect(listed.body.evidence.map((e: { fileName: string | null }) => e.fileName)).toContain(fileName);
      const file = await t.http.get(`/api/v1/updates/${c1}/evidence/${up.body.id}/file`).set(as(focal)).buffer(true).expect(200);
      const disposition = String(file.headers['content-disposition']);
      expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1])).toBe(fileName);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; /);
      await t.http.delete(`/api/v1/updates/${c1}/evidence/${up.body.id}`).set(as(focal)).set('If-Match', listed.headers.etag).expect(204);
    }
  });

  it('submits on time, returns with a comment, resubmits, and flags a submission after the deadline as late', async () => {
    const view = await t.http.get(`/api/v1/updates/${c1}`).set(as(focal)).expect(200);
    const sub = await t.http.post(`/api/v1/updates/${c1}/submit`).set(as(focal)).set('If-Match', view.headers.etag).send({}).expect(200);
    expect(sub.body).toMatchObject({ editorialStatus: 'submitted', isLate: false });
    await t.http.patch(`/api/v1/updates/${c1}`).set(as(focal)).send({ version: sub.body.version, percentComplete: 40 }).expect(409);
    await t.http.post(`/api/v1/updates/${c1}/return`).set(as(secretariat)).send({ comment: 'Please add the May figures.' }).expect(200);
    const work = await t.http.get('/api/v1/my/work').set(as(focal)).expect(200);
    expect(work.body.returned.updates).toEqual([expect.objectContaining({ id: c1, cycle: '2024-H1', comment: 'Please add the May figures.' })]);
    const fixed = await t.http.patch(`/api/v1/updates/${c1}`).set(as(focal)).set('If-Match', `"${sub.body.version + 1}"`)
      .send({ status: 'on_track', actionsTaken: 'Two centres opened; May figures added.' }).expect(200);
    await t.http.post(`/api/v1/updates/${c1}/submit`).set(as(focal)).send({ version: fixed.body.version }).expect(200);

    const late = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(focal))
      .send(update('2024-H2', { status: 'delayed', percentComplete: 35, actionsTaken: 'Funding delayed the second centre.',
        measurements: [{ indicatorId: people, value: 210, asOf: '2024-12-31' }] })).expect(201);
    c2 = late.body.id;
    const lateSub = await t.http.post(`/api/v1/updates/${c2}/submit`).set(as(focal)).send({}).expect(200);
    expect(lateSub.body).toMatchObject({ isLate: true, editorialStatus: 'submitted' });
    expect(lateSub.body.previous).toMatchObject({ cycle: '2024-H1', percentComplete: expect.any(Number), actionsTaken: 'Two centres opened; May figures added.' });
    expect(lateSub.body.previous.measurements.map((m: { value: number }) => m.value)).toEqual([180, 55]);
    const queue = await t.http.get('/api/v1/review/updates').set(as(secretariat)).expect(200);
    expect(queue.body.items.map((i: { cycle: string; isLate: boolean }) => [i.cycle, i.isLate])).toEqual([['2024-H1', false], ['2024-H2', true]]);
    const versions = await t.dataSource.query('SELECT count(*)::int AS n FROM progress_update_version WHERE update_id = $1', [c1]);
    expect(versions[0].n).toBe(2);
  });

  it('sets the pledge’s implementation status from its latest validated update by cycle period', async () => {
    await t.http.post(`/api/v1/updates/${c2}/validate`).set(as(secretariat)).send({}).expect(200);
    expect((await t.http.get(`/api/v1/pledges/${pledge.reference}`).expect(200)).body.implementationStatus).toBe('delayed');
    await t.http.post(`/api/v1/updates/${c1}/validate`).set(as(secretariat)).send({}).expect(200);
    const pub = await t.http.get(`/api/v1/pledges/${pledge.reference}`).expect(200);
    expect(pub.body.implementationStatus).toBe('delayed');
    // The pledges lib writes the status and audits the change; validating c1 (an earlier period) changed nothing.
    const changes = await t.dataSource.query(
      "SELECT before, after FROM audit_log WHERE action = 'pledge.implementation_status' AND entity_id = $1 ORDER BY id", [pledge.id],
    );
    expect(changes).toEqual([{ before: { implementationStatus: 'not_started' }, after: { implementationStatus: 'delayed', fromUpdate: c2 } }]);
    expect(pub.body.timeline.map((u: { cycle: string; status: string; isLate: boolean }) => [u.cycle, u.status, u.isLate]))
      .toEqual([['2024-H1', 'on_track', false], ['2024-H2', 'delayed', true]]);
    const text = JSON.stringify(pub.body);
    expect(text).not.toContain('Please add the May figures.');
    expect(text).not.toContain('private.contact@example.gov');
    const file = pub.body.timeline[0].evidence.find((e: { kind: string }) => e.kind === 'file');
    expect(file).toMatchObject({ sha256: fileEvidence.sha256, download: `/api/v1/updates/${c1}/evidence/${fileEvidence.id}/file` });
    await t.http.get(file.download).expect(200);
    await t.http.patch(`/api/v1/updates/${c1}`).set(as(focal)).set('If-Match', '"99"').send({ percentComplete: 1 }).expect(409);
    expect((await t.http.get('/api/v1/pledges?cycle=2024-H2&limit=100').expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([pledge.id]);
    expect((await t.http.get('/api/v1/pledges?status=delayed').expect(200)).body.total).toBe(1);
  });

  it('reconfirms "no change since last cycle" in one call, copying and submitting the previous values', async () => {
    const res = await t.http.post(`/api/v1/pledges/${pledge.id}/updates/no-change`).set(as(focal)).send({ cycle: '2025-H1' }).expect(201);
    expect(res.body).toMatchObject({ cycle: '2025-H1', editorialStatus: 'submitted', noChange: true, isLate: false, status: 'delayed', percentComplete: 35 });
    expect(res.body.measurements).toEqual([expect.objectContaining({ indicatorId: people, value: 210, asOf: '2024-12-31' })]);
    expect(res.body.previous).toMatchObject({ cycle: '2024-H2', status: 'delayed', percentComplete: 35 });
    expect(res.body.evidence.map((e: { kind: string; title: string }) => [e.kind, e.title])).toEqual([['url', 'Half-year report']]);
    await t.http.post(`/api/v1/pledges/${pledge.id}/updates/no-change`).set(as(focal)).send({ cycle: '2025-H1' }).expect(409);
    await t.http.post(`/api/v1/pledges/${quiet.id}/updates/no-change`).set(as(focal)).send({ cycle: '2025-H1' }).expect(409);
  });

  it('tells a focal point what is due in the open cycles, with deadlines', async () => {
    const work = await t.http.get('/api/v1/my/work').set(as(focal)).expect(200);
    expect(work.body.openCycles.map((c: { code: string; deadline: string; overdue: boolean }) => [c.code, c.deadline, c.overdue])).toEqual([
      ['2024-H2', '2025-01-15', true], ['2024-H1', '2099-12-31', false], ['2025-H1', '2099-12-31', false],
    ]);
    expect(work.body.openCycles[1].daysLeft).toBeGreaterThan(20000);
    const due = work.body.due.map((d: { cycle: string; reference: string; state: string; overdue: boolean }) => [d.cycle, d.reference, d.state, d.overdue]);
    expect(due).toEqual([
      ['2024-H2', pledge.reference, 'validated', false],
      ['2024-H2', quiet.reference, 'missing', true],
      ['2024-H1', pledge.reference, 'validated', false],
      ['2024-H1', quiet.reference, 'missing', false],
      ['2025-H1', pledge.reference, 'submitted', false],
      ['2025-H1', quiet.reference, 'missing', false],
    ]);
    expect(work.body.returned.updates).toEqual([]);
  });

  it('keeps other organisations and other roles out', async () => {
    await t.http.get(`/api/v1/updates/${c1}`).set(as(other)).expect(404);
    await t.http.patch(`/api/v1/updates/${c1}`).set(as(other)).set('If-Match', '"1"').send({ percentComplete: 1 }).expect(404);
    await t.http.get(`/api/v1/pledges/${pledge.id}/updates`).set(as(other)).expect(404);
    await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(other)).send(update('2025-H1')).expect(404);
    await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(expert)).send(update('2025-H1')).expect(403);
    await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).send(update('2025-H1')).expect(401);
    await t.http.post(`/api/v1/updates/${c1}/validate`).set(as(focal)).send({}).expect(403);
    await t.http.get('/api/v1/review/updates').set(as(focal)).expect(403);
    await t.http.get('/api/v1/my/work').set(as(secretariat)).expect(403);
    const list = await t.http.get(`/api/v1/pledges/${pledge.id}/updates`).set(as(secretariat)).expect(200);
    expect(list.body.map((u: { cycle: string; editorialStatus: string }) => [u.cycle, u.editorialStatus])).toEqual([
      ['2024-H1', 'validated'], ['2024-H2', 'validated'], ['2025-H1', 'submitted'],
    ]);
  });

  it('stops writes once a cycle is closed', async () => {
    await t.http.post('/api/v1/cycles/2025-H1/close').set(as(secretariat)).send({}).expect(200);
    const res = await t.http.post(`/api/v1/pledges/${quiet.id}/updates`).set(as(focal)).send(update('2025-H1', { measurements: [] })).expect(409);
    expect(res.body.message).toMatch(/2025-H1 is closed/);
  });
});
