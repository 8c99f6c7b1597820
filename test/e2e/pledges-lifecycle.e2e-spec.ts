import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { count, createPledge, pledgeBody, text } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('pledges: editorial lifecycle, versions, concurrency, idempotency', () => {
  let t: TestApp;
  let focal: CreatedUser;
  let otherFocal: CreatedUser;
  let secretariat: CreatedUser;
  beforeAll(async () => {
    t = await createTestApp();
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    otherFocal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'DEU' });
    secretariat = await createUser(t, { role: 'secretariat' });
  });
  afterAll(() => t.close());

  const as = (u: CreatedUser) => bearer(u.accessToken);

  it('walks draft → submitted → returned → submitted → published → withdrawn, keeping every version', async () => {
    const created = await t.http.post('/api/v1/pledges').set(as(focal)).send(pledgeBody()).expect(201);
    const p = created.body;
    expect(p).toMatchObject({ status: 'draft', version: 1, publishedVersion: null, latestVersion: null });
    expect(p.reference).toMatch(/^GCM-P-\d{4}-\d{5}$/);
    expect(p.leadOrganisation.name).toBeTruthy();
    expect(p.alignment.themes).toEqual([{ number: 1, primary: true }, { number: 2, primary: false }, { number: 3, primary: false }]);
    expect(created.headers.etag).toBe('"1"');
    await t.http.get(`/api/v1/pledges/${p.reference}`).expect(404);

    const submitted = await t.http.post(`/api/v1/pledges/${p.id}/submit`).set(as(focal)).send({}).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', latestVersion: 1, version: 2 });
    await t.http.patch(`/api/v1/pledges/${p.id}`).set(as(focal)).set('If-Match', '"2"').send({ title: 'Too late' }).expect(409);
    const queue = await t.http.get('/api/v1/review/pledges').set(as(secretariat)).expect(200);
    expect(queue.body.items).toEqual([expect.objectContaining({ id: p.id, versionNumber: 1, isRevision: false })]);

    const returned = await t.http.post(`/api/v1/pledges/${p.id}/return`).set(as(secretariat)).send({ comment: 'Please quantify the target.' }).expect(200);
    expect(returned.body.status).toBe('returned');
    const mine = await t.http.get(`/api/v1/pledges/${p.id}`).set(as(focal)).expect(200);
    expect(mine.body.reviews).toEqual([expect.objectContaining({ versionNumber: 1, decision: 'returned', comment: 'Please quantify the target.' })]);

    const edited = await t.http
      .patch(`/api/v1/pledges/${p.id}`)
      .set(as(focal))
      .set('If-Match', mine.headers.etag)
      .send({ title: 'Search and rescue: 500 more people rescued by 2027' })
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'returned', title: 'Search and rescue: 500 more people rescued by 2027' });
    await t.http.post(`/api/v1/pledges/${p.id}/submit`).set(as(focal)).send({}).expect(200);
    const published = await t.http.post(`/api/v1/pledges/${p.id}/publish`).set(as(secretariat)).send({}).expect(200);
    expect(published.body).toMatchObject({ status: 'published', publishedVersion: 2, latestVersion: 2 });

    const pub = await t.http.get(`/api/v1/pledges/${p.reference}`).expect(200);
    expect(pub.body).toMatchObject({ state: 'published', title: 'Search and rescue: 500 more people rescued by 2027', publishedVersion: 2 });
    expect(pub.body.objectives).toEqual([{ number: 8, primary: true }, { number: 5, primary: false }]);

    await t.http.post(`/api/v1/pledges/${p.id}/publish`).set(as(secretariat)).send({}).expect(409);
    await t.http.post(`/api/v1/pledges/${p.id}/withdraw`).set(as(focal)).send({ reason: 'short' }).expect(400);
    const withdrawn = await t.http
      .post(`/api/v1/pledges/${p.id}/withdraw`)
      .set(as(focal))
      .send({ reason: 'The programme was merged into a regional initiative.' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnReason: 'The programme was merged into a regional initiative.' });
    const after = await t.http.get(`/api/v1/pledges/${p.reference}`).expect(200);
    expect(after.body).toMatchObject({ state: 'withdrawn', withdrawnReason: 'The programme was merged into a regional initiative.' });
    await t.http.patch(`/api/v1/pledges/${p.id}`).set(as(focal)).send({ version: withdrawn.body.version, title: 'Edit after withdrawal' }).expect(409);

    const versions = await t.http.get(`/api/v1/pledges/${p.id}/versions`).set(as(focal)).expect(200);
    expect(versions.body.map((v: { number: number; decision: string; isPublished: boolean }) => [v.number, v.decision, v.isPublished]))
      .toEqual([[1, 'returned', false], [2, 'published', true]]);
    const diff = await t.http.get(`/api/v1/pledges/${p.id}/versions/1/diff/2`).set(as(secretariat)).expect(200);
    expect(diff.body.changes).toEqual([
      { field: 'title', before: 'Search and rescue coordination in the Mediterranean', after: 'Search and rescue: 500 more people rescued by 2027' },
    ]);
    const actions = await t.dataSource.query("SELECT action FROM audit_log WHERE entity_type = 'pledge' AND entity_id = $1 ORDER BY id", [p.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'pledge.create', 'pledge.submit', 'pledge.return', 'pledge.update', 'pledge.submit', 'pledge.publish', 'pledge.withdraw',
    ]);
    await expect(t.dataSource.query('UPDATE pledge_version SET number = 9 WHERE pledge_id = $1', [p.id])).rejects.toThrow(/immutable/);
  });

  it('keeps serving the published version while a revision is drafted and submitted', async () => {
    const draft = await createPledge(t, focal, { title: 'Legal identity for all migrants' });
    await t.http.post(`/api/v1/pledges/${draft.id}/submit`).set(as(focal)).send({}).expect(200);
    const pub = await t.http.post(`/api/v1/pledges/${draft.id}/publish`).set(as(secretariat)).send({}).expect(200);
    const revision = await t.http
      .patch(`/api/v1/pledges/${draft.id}`)
      .set(as(focal))
      .set('If-Match', `"${pub.body.version}"`)
      .send({ title: 'Secret revision title', alignment: { objectives: [{ number: 4, primary: true }] } })
      .expect(200);
    expect(revision.body).toMatchObject({ status: 'draft', publishedVersion: 1, title: 'Secret revision title' });
    await t.http.post(`/api/v1/pledges/${draft.id}/submit`).set(as(focal)).send({}).expect(200);
    const seen = await t.http.get(`/api/v1/pledges/${draft.reference}`).expect(200);
    expect(seen.body).toMatchObject({ title: 'Legal identity for all migrants', publishedVersion: 1 });
    const byObjective4 = await t.http.get('/api/v1/pledges?objective=4').expect(200);
    expect(byObjective4.body.items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
    const searched = await t.http.get('/api/v1/pledges?q=secret%20revision').expect(200);
    expect(searched.body.total).toBe(0);
    await t.http.post(`/api/v1/pledges/${draft.id}/publish`).set(as(secretariat)).send({}).expect(200);
    const now = await t.http.get(`/api/v1/pledges/${draft.reference}`).expect(200);
    expect(now.body).toMatchObject({ title: 'Secret revision title', publishedVersion: 2, objectives: [{ number: 4, primary: true }] });
  });

  it('hides another organisation’s unpublished pledge behind 404, and lets no one else write it', async () => {
    const draft = await createPledge(t, focal, { title: 'A French draft' });
    await t.http.get(`/api/v1/pledges/${draft.id}`).set(as(otherFocal)).expect(404);
    await t.http.get(`/api/v1/pledges/${draft.id}`).expect(404);
    await t.http.get(`/api/v1/pledges/${draft.reference}`).set(as(otherFocal)).expect(404);
    await t.http.get(`/api/v1/pledges/${draft.id}/versions`).set(as(otherFocal)).expect(404);
    await t.http.patch(`/api/v1/pledges/${draft.id}`).set(as(otherFocal)).set('If-Match', '"1"').send({ title: 'Hijack' }).expect(404);
    await t.http.post(`/api/v1/pledges/${draft.id}/submit`).set(as(otherFocal)).send({}).expect(404);
    const mine = await t.http.get('/api/v1/my/pledges').set(as(otherFocal)).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
    const secretariatView = await t.http.get(`/api/v1/pledges/${draft.id}`).set(as(secretariat)).expect(200);
    expect(secretariatView.body.contact).toEqual({ name: 'Private Person', email: 'private.contact@example.gov' });
  });

  it('refuses bad input with 400 and field errors, writing nothing', async () => {
    const before = { pledges: await count(t, 'pledge'), audit: await count(t, 'audit_log') };
    const cases: [Record<string, unknown>, string][] = [
      [{ description: text(299) }, 'description'],
      [{ description: text(3001) }, 'description'],
      [{ alignment: { objectives: [{ number: 99, primary: true }] } }, 'alignment.objectives.0.number'],
      [{ alignment: { objectives: [{ number: 8, primary: true }], commitments: ['T9.C9'] } }, 'alignment.commitments.0'],
      [{ alignment: { objectives: [{ number: 8, primary: true }], principles: ['z'] } }, 'alignment.principles.0'],
      [{ alignment: { objectives: [{ number: 8, primary: true }], recommendations: [999] } }, 'alignment.recommendations.0'],
      [{ alignment: { objectives: [{ number: 8 }, { number: 5 }] } }, 'alignment.objectives'],
      [{ scope: { countries: ['XXX'] } }, 'scope.countries.0'],
      [{ budget: { amount: -1, currency: 'EUR' } }, 'budget.amount'],
      [{ budget: { amount: 10, currency: 'EUROS' } }, 'budget.currency'],
      [{ startDate: '2027-01-01', targetDate: '2026-01-01' }, 'targetDate'],
      [{ startDate: '2026-02-30' }, 'startDate'],
      [{ sneaky: true }, 'sneaky'],
      [{ indicators: [{ name: 'x', unit: 'people', direction: 'sideways', baseline: { value: 1, date: '2025-01-01' }, target: { value: 2, date: '2026-01-01' } }] }, 'indicators.0.direction'],
    ];
    for (const [override, field] of cases) {
      const res = await t.http.post('/api/v1/pledges').set(as(focal)).send(pledgeBody(override));
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const unknown = await t.http.post('/api/v1/pledges').set(as(focal)).send(pledgeBody({ alignment: { objectives: [{ number: 8, primary: true }], commitments: ['T9.C9'] } }));
    expect(unknown.body.details).toEqual([{ field: 'alignment.commitments.0', messages: ['Unknown actionable commitment T9.C9'] }]);
    const draft = await createPledge(t, focal);
    const mid = { pledges: await count(t, 'pledge'), audit: await count(t, 'audit_log') };
    expect(mid).toEqual({ pledges: before.pledges + 1, audit: before.audit + 1 });
    const bad = await t.http.patch(`/api/v1/pledges/${draft.id}`).set(as(focal)).set('If-Match', '"1"').send({ description: text(3001), title: 'Changed' });
    expect(bad.status).toBe(400);
    await t.http.patch(`/api/v1/pledges/${draft.id}`).set(as(focal)).set('If-Match', '"1"').send({ title: null }).expect(400);
    await t.http.patch(`/api/v1/pledges/${draft.id}`).set(as(focal)).set('If-Match', '"1"').send({ unknownField: 1 }).expect(400);
    const still = await t.http.get(`/api/v1/pledges/${draft.id}`).set(as(focal)).expect(200);
    expect(still.body).toMatchObject({ version: 1, title: draft.title });
    expect({ pledges: await count(t, 'pledge'), audit: await count(t, 'audit_log') }).toEqual(mid);
    const incomplete = await createPledge(t, focal, { startDate: null, indicators: [] });
    const refused = await t.http.post(`/api/v1/pledges/${incomplete.id}/submit`).set(as(focal)).send({}).expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['startDate', 'indicators']);
  });

  it('needs a version to edit (428), refuses a stale one (409), and of 50 parallel edits at one version accepts exactly one', async () => {
    const draft = await createPledge(t, focal);
    await t.http.patch(`/api/v1/pledges/${draft.id}`).set(as(focal)).send({ title: 'No version given' }).expect(428);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http.patch(`/api/v1/pledges/${draft.id}`).set(as(focal)).set('If-Match', '"1"').send({ title: `Parallel edit number ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.details).toEqual({ currentVersion: 2 });
    expect(loser.headers.etag).toBe('"2"');
    const now = await t.http.get(`/api/v1/pledges/${draft.id}`).set(as(focal)).expect(200);
    expect(now.body).toMatchObject({ version: 2, title: winner.body.title });
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'pledge.update' AND entity_id = $1", [draft.id]);
    expect(n).toBe(1);
  });

  it('creates one pledge for a POST retried with the same Idempotency-Key, and refuses the key for another body', async () => {
    const before = await count(t, 'pledge');
    const body = pledgeBody({ title: 'Idempotent pledge' });
    const first = await t.http.post('/api/v1/pledges').set(as(focal)).set('Idempotency-Key', 'retry-key-0001').send(body).expect(201);
    const parallel = await Promise.all(
      Array.from({ length: 5 }, () => t.http.post('/api/v1/pledges').set(as(focal)).set('Idempotency-Key', 'retry-key-0001').send(body)),
    );
    expect(parallel.map((r) => [r.status, r.body.id])).toEqual(Array.from({ length: 5 }, () => [201, first.body.id]));
    expect(parallel[0].headers['idempotent-replayed']).toBe('true');
    expect(await count(t, 'pledge')).toBe(before + 1);
    const other = await t.http.post('/api/v1/pledges').set(as(focal)).set('Idempotency-Key', 'retry-key-0001').send(pledgeBody({ title: 'Another pledge' }));
    expect(other.status).toBe(409);
    expect(other.body.message).toMatch(/different request/);
    const otherUser = await t.http.post('/api/v1/pledges').set(as(otherFocal)).set('Idempotency-Key', 'retry-key-0001').send(body).expect(201);
    expect(otherUser.body.id).not.toBe(first.body.id);
    expect(await count(t, 'pledge')).toBe(before + 2);
  });
});
