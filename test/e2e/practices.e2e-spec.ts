import { createTestApp, TestApp } from '../helpers/test-app';

describe('practices repository (public)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('holds the 61 practice cards of the IDM report, each with organisation and period', async () => {
    const res = await t.http.get('/api/v1/practices?limit=100').expect(200);
    expect(res.body.total).toBe(61);
    expect(res.body.items).toHaveLength(61);
    for (const p of res.body.items) {
      expect(p.organisation).toEqual(expect.any(String));
      expect(p.period).toEqual(expect.any(String));
    }
    const sessions = await t.http.get('/api/v1/practices/sessions').expect(200);
    expect(sessions.body).toHaveLength(7);
    expect(sessions.body.reduce((s: number, x: { practices: number }) => s + x.practices, 0)).toBe(61);
  });

  it('finds "Venezuelan" in practice 2.1.9 by full-text search', async () => {
    const res = await t.http.get('/api/v1/practices?q=Venezuelan').expect(200);
    expect(res.body.items.map((p: { code: string }) => p.code)).toContain('2.1.9');
    const one = await t.http.get('/api/v1/practices/2.1.9').expect(200);
    expect(`${one.body.title} ${one.body.description}`).toMatch(/Venezuelan/i);
  });

  it('filters by quoted objective and links each session to its objectives', async () => {
    const res = await t.http.get('/api/v1/practices?objective=14&limit=100').expect(200);
    expect(res.body.total).toBeGreaterThan(0);
    for (const p of res.body.items) expect(p.objectives).toContain(14);
  });

  it('never shows a contact e-mail unless the secretariat marked it public', async () => {
    const res = await t.http.get('/api/v1/practices?limit=100').expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    const [{ code }] = await t.dataSource.query("SELECT code FROM practice WHERE contact LIKE '%@%' ORDER BY code LIMIT 1");
    await t.dataSource.query('UPDATE practice SET contact_public = true WHERE code = $1', [code]);
    const shown = await t.http.get(`/api/v1/practices/${code}`).expect(200);
    expect(shown.body.contact).toMatch(/@/);
  });

  it('rejects bad parameters with 400 and unknown practices with 404', async () => {
    await t.http.get('/api/v1/practices?limit=1000').expect(400);
    await t.http.get('/api/v1/practices?objective=abc').expect(400);
    await t.http.get('/api/v1/practices?foo=bar').expect(400);
    await t.http.get('/api/v1/practices/9.9.99').expect(404);
    await t.http.get('/api/v1/practices/drop-table').expect(400);
    await t.http.get('/api/v1/practices?q=' + encodeURIComponent("'); DROP TABLE practice; --")).expect(200);
  });
});
