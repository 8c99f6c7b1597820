import { PracticesImporter } from '@gcm/practices';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

/** The practices import's warnings reach the secretariat through the API, not only the server log. */
describe('practice import runs and their warnings', () => {
  let t: TestApp;
  let secretariat: CreatedUser;
  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await createUser(t, { role: 'secretariat' });
  });
  afterAll(() => t.close());

  it('shows the secretariat the latest import with the objective-4 misquote', async () => {
    const res = await t.http.get('/api/v1/practices/imports/latest').set(bearer(secretariat.accessToken)).expect(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toMatchObject({ sourceFile: expect.any(String), practices: 61, sessions: 7, requestedBy: null });
    expect(res.body.warningCount).toBe(res.body.warnings.length);
    expect(res.body.warnings).toContainEqual(expect.objectContaining({
      kind: 'objective_title_mismatch', sessionNumber: 1, objectiveNumber: 4,
      quoted: 'Enhance availability and flexibility of pathways for regular migration',
      message: expect.stringContaining('Session 1.1 quotes objective 4'),
    }));
  });

  it('keeps one row per run, newest first, each with its own warnings', async () => {
    await t.app.get(PracticesImporter).importFromSeeds(secretariat.user.id);
    const list = await t.http.get('/api/v1/practices/imports').set(bearer(secretariat.accessToken)).expect(200);
    expect(list.body.total).toBe(2);
    const [newest, first] = list.body.items;
    expect(newest).toMatchObject({ requestedBy: secretariat.user.id, requestedByName: secretariat.user.name, created: 0, updated: 61 });
    expect(first).toMatchObject({ requestedBy: null, created: 61 });
    expect(newest).not.toHaveProperty('warnings');
    const one = await t.http.get(`/api/v1/practices/imports/${first.id}`).set(bearer(secretariat.accessToken)).expect(200);
    expect(one.body.warnings).toHaveLength(first.warningCount);
    const latest = await t.http.get('/api/v1/practices/imports/latest').set(bearer(secretariat.accessToken)).expect(200);
    expect(latest.body.id).toBe(newest.id);
  });

  it('refuses everyone but the secretariat, and bad ids', async () => {
    const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    const expert = await createUser(t, { role: 'expert' });
    for (const path of ['/api/v1/practices/imports', '/api/v1/practices/imports/latest']) {
      await t.http.get(path).expect(401);
      await t.http.get(path).set(bearer(focal.accessToken)).expect(403);
      await t.http.get(path).set(bearer(expert.accessToken)).expect(403);
    }
    await t.http.get('/api/v1/practices/imports/not-a-uuid').set(bearer(secretariat.accessToken)).expect(400);
    await t.http.get('/api/v1/practices/imports/00000000-0000-4000-8000-000000000000').set(bearer(secretariat.accessToken)).expect(404);
    await t.http.get('/api/v1/practices/imports?limit=500').set(bearer(secretariat.accessToken)).expect(400);
  });
});
