import { parse } from 'csv-parse/sync';
import { bearer } from '../helpers/auth';
import { buildDashboardFixture, DashboardFixture } from '../helpers/dashboard-fixture';
import { pledgeBody, publishedPledge, text } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;

describe('open data, practices contact flag and related practices', () => {
  let t: TestApp;
  let f: DashboardFixture;
  let dictionary: { datasets: { name: string; idColumn: string; columns: { name: string; type: string; description: string }[] }[] };

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
    dictionary = (await t.http.get('/api/v1/open-data/dictionary').expect(200)).body;
  });
  afterAll(() => t.close());

  const columnsOf = (name: string) => dictionary.datasets.find((d) => d.name === name)!.columns.map((c) => c.name);
  const csv = async (path: string) => {
    const res = await t.http.get(path).buffer(true).parse((r, cb) => {
      let data = '';
      r.on('data', (c: Buffer) => (data += c.toString('utf8')));
      r.on('end', () => cb(null, data));
    }).expect(200);
    return { res, text: res.body as string, rows: parse(res.body as string, { columns: true }) as Record<string, string>[] };
  };

  it('the dictionary describes every column of every file, with a type and a meaning', async () => {
    expect(dictionary.datasets.map((d) => d.name)).toEqual(['pledges', 'updates', 'practices']);
    for (const d of dictionary.datasets) {
      const file = await csv(`/api/v1/open-data/${d.name}.csv`);
      expect(file.text.split('\n')[0].split(',')).toEqual(columnsOf(d.name));
      const json = (await t.http.get(`/api/v1/open-data/${d.name}.json`).expect(200)).body as Record<string, unknown>[];
      expect(json.length).toBeGreaterThan(0);
      for (const record of json) expect(Object.keys(record)).toEqual(columnsOf(d.name));
      for (const c of d.columns) {
        expect(c.type).toMatch(/^(string|integer|number|boolean|date|datetime|string\[\]|integer\[\]|json)$/);
        expect(c.description.length).toBeGreaterThan(10);
      }
      expect(columnsOf(d.name)).toContain(d.idColumn);
    }
  });

  it('pledges: every published pledge once by reference, withdrawn ones marked, nothing unpublished, no contact', async () => {
    const file = await csv('/api/v1/open-data/pledges.csv');
    expect(file.res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.res.headers['content-disposition']).toBe('attachment; filename="gcm-tracker-pledges.csv"');
    expect(file.rows.map((r) => r.reference)).toEqual([f.a, f.b, f.c, f.withdrawn].map((p) => p.reference).sort());
    expect(file.rows.find((r) => r.reference === f.withdrawn.reference)!.state).toBe('withdrawn');
    const a = file.rows.find((r) => r.reference === f.a.reference)!;
    expect(a).toMatchObject({ title: 'Search and rescue coordination in the Mediterranean', objectives: '8; 5', primary_objective: '8', countries: 'FRA; ITA' });
    for (const secret of f.secretTitles) expect(file.text).not.toContain(secret);
    expect(file.text).not.toContain(f.contactEmail);
    expect(file.text).not.toMatch(EMAIL);
    const json = (await t.http.get('/api/v1/open-data/pledges.json').expect(200)).body as Record<string, unknown>[];
    expect(json.find((p) => p.reference === f.a.reference)).toMatchObject({ objectives: [8, 5], budget_amount: 2500000, budget_currency: 'EUR' });
    expect(JSON.stringify(json)).not.toMatch(EMAIL);
  });

  it('updates: validated updates of published pledges only', async () => {
    const file = await csv('/api/v1/open-data/updates.csv');
    expect(file.rows.map((r) => [r.pledge_reference, r.cycle, r.status])).toEqual(
      expect.arrayContaining([[f.a.reference, '2025-H2', 'on_track'], [f.a.reference, '2026-H1', 'achieved']]),
    );
    expect(file.rows).toHaveLength(2); // Kenya's 2026-H1 update is submitted, not validated
    const json = (await t.http.get('/api/v1/open-data/updates.json').expect(200)).body as Record<string, unknown>[];
    expect(json.map((u) => u.update_id).sort()).toEqual(file.rows.map((r) => r.update_id).sort());
    expect(json[0].percent_complete).toEqual(expect.any(Number));
  });

  it('answers a repeated download with 304 until something is published', async () => {
    const first = await t.http.get('/api/v1/open-data/pledges.json').expect(200);
    expect(first.headers.etag).toMatch(/^W\/"/);
    await t.http.get('/api/v1/open-data/pledges.json').set('If-None-Match', first.headers.etag).expect(304);
    await publishedPledge(t, f.fra, f.secretariat, pledgeBody({ title: 'Another French pledge', scope: null }));
    const after = await t.http.get('/api/v1/open-data/pledges.json').set('If-None-Match', first.headers.etag).expect(200);
    expect(after.body.map((p: { title: string }) => p.title)).toContain('Another French pledge');
  });

  it('practices contact flag: secretariat only, versioned, audited, and the contact reaches the public only when public', async () => {
    const [{ code }] = await t.dataSource.query("SELECT code FROM practice WHERE contact LIKE '%@%' ORDER BY code LIMIT 1");
    const before = await csv('/api/v1/open-data/practices.csv');
    expect(before.rows).toHaveLength(61);
    expect(before.text).not.toMatch(EMAIL);
    const current = await t.http.get(`/api/v1/practices/${code}/contact`).set(bearer(f.secretariat.accessToken)).expect(200);
    expect(current.body).toMatchObject({ code, contactPublic: false, contact: expect.stringMatching(EMAIL) });
    await t.http.patch(`/api/v1/practices/${code}`).send({ contactPublic: true, version: current.body.version }).expect(401);
    await t.http.patch(`/api/v1/practices/${code}`).set(bearer(f.fra.accessToken)).send({ contactPublic: true, version: current.body.version }).expect(403);
    await t.http.get(`/api/v1/practices/${code}/contact`).set(bearer(f.fra.accessToken)).expect(403);
    const bad = await t.http.patch(`/api/v1/practices/${code}`).set(bearer(f.secretariat.accessToken)).send({ contactPublic: 'yes', extra: 1 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['contactPublic', 'extra', 'version']);

    const shown = await t.http.patch(`/api/v1/practices/${code}`).set(bearer(f.secretariat.accessToken))
      .send({ contactPublic: true, version: current.body.version }).expect(200);
    expect(shown.body).toMatchObject({ contactPublic: true, version: current.body.version + 1 });
    expect((await t.http.get(`/api/v1/practices/${code}`).expect(200)).body.contact).toMatch(EMAIL);
    const after = await csv('/api/v1/open-data/practices.csv');
    expect(after.rows.find((r) => r.code === code)!.contact).toMatch(EMAIL);
    expect(after.rows.filter((r) => EMAIL.test(r.contact))).toHaveLength(1);

    const stale = await t.http.patch(`/api/v1/practices/${code}`).set(bearer(f.secretariat.accessToken))
      .send({ contactPublic: false, version: current.body.version }).expect(409);
    expect(stale.body.details).toEqual({ currentVersion: current.body.version + 1 });
    await t.http.patch(`/api/v1/practices/${code}`).set(bearer(f.secretariat.accessToken))
      .send({ contactPublic: false, version: current.body.version + 1 }).expect(200);
    expect((await t.http.get(`/api/v1/practices/${code}`).expect(200)).body.contact).toBeNull();
    const audit = await t.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'practice.contact_visibility' AND entity_id = $1 ORDER BY id`, [code],
    );
    expect(audit.map((a: { after: { contactPublic: boolean } }) => a.after.contactPublic)).toEqual([true, false]);
    await t.http.patch('/api/v1/practices/9.9.99').set(bearer(f.secretariat.accessToken)).send({ contactPublic: true, version: 1 }).expect(404);
  });

  it('related practices: sessions sharing the pledge\'s objectives first, then text similarity', async () => {
    const res = await t.http.get(`/api/v1/pledges/${f.c.reference}/related-practices?limit=10`).expect(200);
    expect(res.body.reference).toBe(f.c.reference);
    expect(res.body.items.length).toBe(10);
    expect(res.body.items[0].sharedObjectives).toEqual([8]); // session 1.1 quotes objective 8
    const shared = res.body.items.map((i: { sharedObjectives: number[] }) => i.sharedObjectives.length);
    expect([...shared].sort((x: number, y: number) => y - x)).toEqual(shared);

    const venezuela = await publishedPledge(t, f.fra, f.secretariat, pledgeBody({
      title: 'Temporary protection status for Venezuelan migrants',
      description: text(400, 'Regularisation and temporary protection for Venezuelan migrants and refugees'),
      alignment: { objectives: [{ number: 23, primary: true }], principles: [], recommendations: [], commitments: [] },
      scope: null,
    }));
    const byText = await t.http.get(`/api/v1/pledges/${venezuela.reference}/related-practices`).expect(200);
    expect(byText.body.items[0]).toMatchObject({ code: '2.1.9', sharedObjectives: [] });
    expect(byText.body.items[0].textScore).toBeGreaterThan(0);

    const [draft] = await t.dataSource.query(`SELECT reference FROM pledge WHERE published_version IS NULL LIMIT 1`);
    await t.http.get(`/api/v1/pledges/${draft.reference}/related-practices`).expect(404);
    await t.http.get('/api/v1/pledges/GCM-P-1999-99999/related-practices').expect(404);
    await t.http.get('/api/v1/pledges/<script>/related-practices').expect(400);
    await t.http.get(`/api/v1/pledges/${f.c.reference}/related-practices?limit=50`).expect(400);
  });
});
