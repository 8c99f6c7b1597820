import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('queue monitor (Bull Board)', () => {
  let t: TestApp;
  let sec: CreatedUser;
  const BASE = '/api/v1/admin/queues';

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
  });
  afterAll(() => t?.close());

  it('is closed to the public and to other roles', async () => {
    const anon = await t.http.get(BASE);
    expect(anon.status).toBe(401);
    expect(anon.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'KEN' });
    expect((await t.http.get(`${BASE}/api/queues`).set(bearer(focal.accessToken))).status).toBe(403);
    expect((await t.http.post(`${BASE}/session`).set(bearer(focal.accessToken))).status).toBe(403);
    const denied = await t.dataSource.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'access.denied' AND entity_id LIKE '%/admin/queues'`);
    expect(denied[0].n).toBeGreaterThanOrEqual(2);
  });

  it('shows every queue of the typed list to the secretariat', async () => {
    const page = await t.http.get(`${BASE}/`).set(bearer(sec.accessToken));
    expect(page.status).toBe(200);
    expect(page.text).toContain('GCM Tracker queues');
    const queues = await t.http.get(`${BASE}/api/queues`).set(bearer(sec.accessToken));
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['imports', 'notifications', 'reports']);
  });

  it('lets the browser in with a short-lived HttpOnly cookie that ends with the sign-in session', async () => {
    const opened = await t.http.post(`${BASE}/session`).set(bearer(sec.accessToken));
    expect(opened.status).toBe(204);
    const setCookie = String(opened.headers['set-cookie']);
    expect(setCookie).toMatch(/^gcm_queue_monitor=[^;]+; Max-Age=\d+; Path=\/api\/v1\/admin\/queues; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0];
    expect((await t.http.get(`${BASE}/api/queues`).set('Cookie', cookie)).status).toBe(200);
    const asset = /src="(static\/js\/[^"]+)"/.exec((await t.http.get(`${BASE}/`).set('Cookie', cookie)).text)?.[1];
    expect((await t.http.get(`${BASE}/${asset}`).set('Cookie', cookie)).status).toBe(200);
    // The cookie is no API token.
    expect((await t.http.get('/api/v1/reports/runs').set(bearer(cookie.split('=')[1]))).status).toBe(401);
    expect((await t.http.get(`${BASE}/api/queues`).set('Cookie', `${cookie}x`)).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/sign-out').set(bearer(sec.accessToken))).status).toBe(204);
    expect((await t.http.get(`${BASE}/api/queues`).set('Cookie', cookie)).status).toBe(401);
  });
});
