import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('expert challenge reports', () => {
  let t: TestApp;
  let expert: CreatedUser;
  let other: CreatedUser;
  let sec: CreatedUser;
  const body = 'Rescue organisations in the central Mediterranean report prosecutions and vessel seizures that delay search and rescue.';

  beforeAll(async () => {
    t = await createTestApp();
    expert = await createUser(t, { role: 'expert' });
    other = await createUser(t, { role: 'expert' });
    sec = await createUser(t, { role: 'secretariat' });
  });
  afterAll(() => t?.close());

  it('goes from draft to published through submission and review, and only then is public', async () => {
    const created = await t.http.post('/api/v1/expert-reports').set(bearer(expert.accessToken))
      .send({ objective: 8, year: 2026, title: 'Criminalisation of rescue at sea', body, mandate: 'Special Rapporteur on the human rights of migrants' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, objective: 8, theme: null, filedBy: 'Special Rapporteur on the human rights of migrants' });
    const id = created.body.id;
    expect((await t.http.get(`/api/v1/expert-reports/${id}`)).status).toBe(404);
    expect((await t.http.get(`/api/v1/expert-reports/${id}`).set(bearer(other.accessToken))).status).toBe(404);
    expect((await t.http.patch(`/api/v1/expert-reports/${id}`).set(bearer(other.accessToken)).send({ version: 1, title: 'Taken over' })).status).toBe(404);

    const edited = await t.http.patch(`/api/v1/expert-reports/${id}`).set(bearer(expert.accessToken)).send({ version: 1, title: 'Criminalisation of search and rescue' });
    expect(edited.body).toMatchObject({ version: 2, title: 'Criminalisation of search and rescue' });
    expect((await t.http.patch(`/api/v1/expert-reports/${id}`).set(bearer(expert.accessToken)).send({ version: 1, title: 'A stale edit' })).status).toBe(409);

    expect((await t.http.post(`/api/v1/expert-reports/${id}/publish`).set(bearer(sec.accessToken)).send({ version: 2 })).status).toBe(409);
    expect((await t.http.post(`/api/v1/expert-reports/${id}/submit`).set(bearer(expert.accessToken)).send({ version: 2 })).body.status).toBe('submitted');
    const returned = await t.http.post(`/api/v1/expert-reports/${id}/return`).set(bearer(sec.accessToken)).send({ version: 3, note: 'Please cite the cases.' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewNote: 'Please cite the cases.' });
    await t.http.post(`/api/v1/expert-reports/${id}/submit`).set(bearer(expert.accessToken)).send({ version: 4 });
    const published = await t.http.post(`/api/v1/expert-reports/${id}/publish`).set(bearer(sec.accessToken)).send({ version: 5 });
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });

    const pub = await t.http.get(`/api/v1/expert-reports/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual({
      id, title: 'Criminalisation of search and rescue', body, language: 'en', year: 2026, theme: null, objective: 8,
      filedBy: 'Special Rapporteur on the human rights of migrants', publishedAt: expect.any(String),
    });
    const list = await t.http.get('/api/v1/expert-reports?objective=8&year=2026');
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(JSON.stringify(list.body)).not.toContain(expert.user.email);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'expert_report' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'expert_report.created', 'expert_report.updated', 'expert_report.submitted', 'expert_report.returned', 'expert_report.submitted', 'expert_report.published',
    ]);
  });

  it('lists drafts to their author and the secretariat only', async () => {
    const draft = await t.http.post('/api/v1/expert-reports').set(bearer(other.accessToken)).send({ theme: 2, year: 2026, title: 'Smuggling prosecutions', body });
    expect(draft.status).toBe(201);
    expect((await t.http.get('/api/v1/expert-reports/mine').set(bearer(other.accessToken))).body.items.map((r: { id: string }) => r.id)).toEqual([draft.body.id]);
    expect((await t.http.get('/api/v1/expert-reports?status=draft')).body.items).toEqual([]);
    expect((await t.http.get('/api/v1/expert-reports?status=draft').set(bearer(sec.accessToken))).body.items.map((r: { id: string }) => r.id)).toEqual([draft.body.id]);
  });

  it('refuses bad input with field errors and other roles with 403', async () => {
    const res = await t.http.post('/api/v1/expert-reports').set(bearer(expert.accessToken)).send({ year: 1990, title: 'x', body: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['body', 'objective', 'theme', 'title', 'year']);
    expect((await t.http.post('/api/v1/expert-reports').set(bearer(expert.accessToken)).send({ theme: 1, objective: 8, year: 2026, title: 'Both at once', body })).status).toBe(400);
    expect((await t.http.post('/api/v1/expert-reports').set(bearer(expert.accessToken)).send({ theme: 7, year: 2026, title: 'No such theme', body })).status).toBe(400);
    expect((await t.http.post('/api/v1/expert-reports').set(bearer(sec.accessToken)).send({ theme: 1, year: 2026, title: 'Secretariat', body })).status).toBe(403);
  });
});
