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
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['imports', 'maintenance', 'notifications', 'reports']);
  });

  it('ends the monitor session on the server: a copied cookie stops working while the sign-in session lives on', async () => {
    const other = await createUser(t, { role: 'secretariat' });
    const cookieOf = async () => String((await t.http.post(`${BASE}/session`).set(bearer(other.accessToken)).expect(204)).headers['set-cookie']).split(';')[0];
    const first = await cookieOf();
    const second = await cookieOf();
    for (const cookie of [first, second]) expect((await t.http.get(`${BASE}/api/queues`).set('Cookie', cookie)).status).toBe(200);
    const closed = await t.http.delete(`${BASE}/session`).set(bearer(other.accessToken)).set('Cookie', first).expect(204);
    expect(String(closed.headers['set-cookie'])).toMatch(/^gcm_queue_monitor=;/);
    // Both cookies of that sign-in session, also one copied elsewhere, are refused now.
    for (const cookie of [first, second]) expect((await t.http.get(`${BASE}/api/queues`).set('Cookie', cookie)).status).toBe(401);
    await t.http.get('/api/v1/auth/me').set(bearer(other.accessToken)).expect(200);
    expect((await t.http.get(`${BASE}/api/queues`).set('Cookie', await cookieOf())).status).toBe(200);
    const audited = await t.dataSource.query(
      `SELECT action, after FROM audit_log WHERE actor_id = $1 AND action LIKE 'queue_monitor.%' ORDER BY id`, [other.user.id],
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'queue_monitor.session_open', 'queue_monitor.session_open', 'queue_monitor.session_close', 'queue_monitor.session_open',
    ]);
    expect(audited[2].after).toEqual({ revoked: 2 });
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
