import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createPledge, publishedPledge, text } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

const SECRETS = ['private.contact@example.gov', 'ngo.contact@example.org', 'DRAFT-ONLY', 'RETURNED-ONLY', 'REVISION-ONLY', 'Reviewer says: fix'];

/** supertest parser that keeps a binary body (the XLSX) as one Buffer. */
function binary(res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('pledges: public reading, filters, search and exports', () => {
  let t: TestApp;
  let fra: CreatedUser;
  let ngo: CreatedUser;
  let secretariat: CreatedUser;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await createUser(t, { role: 'secretariat' });
    fra = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    const [org] = await t.dataSource.query("INSERT INTO organisation (kind, name, version) VALUES ('civil_society', 'Migrant Aid Network', 1) RETURNING id");
    ngo = await createUser(t, { role: 'focal_point', organisationId: org.id });
    const sec = bearer(secretariat.accessToken);

    refs.rescue = (await publishedPledge(t, fra, secretariat)).reference;
    refs.ngo = (
      await publishedPledge(t, ngo, secretariat, {
        title: 'Legal aid clinics for migrant workers',
        description: text(400, 'Free legal counselling on labour rights and fair recruitment'),
        form: 'financial',
        alignment: { objectives: [{ number: 6, primary: true }], principles: ['f'], commitments: [] },
        scope: { countries: ['KEN'], regions: [] },
        budget: { amount: 50000, currency: 'USD' },
        contact: { email: 'ngo.contact@example.org' },
      })
    ).reference;
    const withdrawn = await publishedPledge(t, fra, secretariat, { title: 'Consular protection hotline', form: 'technical' });
    await t.http.post(`/api/v1/pledges/${withdrawn.id}/withdraw`).set(bearer(fra.accessToken)).send({ reason: 'Replaced by a regional hotline.' }).expect(200);
    refs.withdrawn = withdrawn.reference;
    const revised = await publishedPledge(t, fra, secretariat, { title: 'Data on missing migrants', form: 'process' });
    await t.http.patch(`/api/v1/pledges/${revised.id}`).set(bearer(fra.accessToken)).set('If-Match', `"${revised.version}"`)
      .send({ title: 'REVISION-ONLY title of a pending revision' }).expect(200);
    refs.revised = revised.reference;

    await createPledge(t, fra, { title: 'DRAFT-ONLY pledge never submitted' });
    const returned = await createPledge(t, fra, { title: 'RETURNED-ONLY pledge sent back' });
    await t.http.post(`/api/v1/pledges/${returned.id}/submit`).set(bearer(fra.accessToken)).send({}).expect(200);
    await t.http.post(`/api/v1/pledges/${returned.id}/return`).set(sec).send({ comment: 'Reviewer says: fix the budget' }).expect(200);
  });
  afterAll(() => t.close());

  const list = async (query = '') => (await t.http.get(`/api/v1/pledges${query}`).expect(200)).body;
  const refsOf = (body: { items: { reference: string }[] }) => body.items.map((i) => i.reference);

  it('lists published and withdrawn pledges only, never drafts, returned items, revisions or contacts', async () => {
    const all = await list('?limit=100');
    expect(all.total).toBe(4);
    expect(refsOf(all)).toEqual([refs.rescue, refs.ngo, refs.withdrawn, refs.revised]);
    const body = JSON.stringify(all);
    for (const s of SECRETS) expect(body).not.toContain(s);
    expect(body).not.toMatch(/contact|working|review/i);
    const rescue = all.items[0];
    expect(rescue).toMatchObject({
      state: 'published', implementationStatus: 'not_started', form: 'policy', roundTables: ['RT1', 'RT2'],
      leadOrganisation: expect.objectContaining({ kind: 'state', country: 'FRA' }),
      budget: { amount: 2500000, currency: 'EUR' }, countries: ['FRA', 'ITA'], regions: ['039'], commitments: ['T1.C1', 'T2.C4'],
    });
    expect(rescue.indicators).toEqual([expect.objectContaining({ name: 'People rescued', baseline: { value: 100, date: '2025-12-31' }, sdgIndicator: '10.7.2' })]);
    for (const ref of Object.values(refs)) {
      const detail = await t.http.get(`/api/v1/pledges/${ref}`).expect(200);
      for (const s of SECRETS) expect(JSON.stringify(detail.body)).not.toContain(s);
    }
  });

  it('filters by objective, theme, principle, recommendation, round table, country, region, kind, form, state and status', async () => {
    expect(refsOf(await list('?objective=8'))).toEqual([refs.rescue, refs.withdrawn, refs.revised]);
    expect(refsOf(await list('?objective=6'))).toEqual([refs.ngo]);
    expect(refsOf(await list('?theme=T3&form=financial'))).toEqual([refs.ngo]);
    expect(refsOf(await list('?principle=f'))).toEqual([refs.ngo]);
    expect((await list('?recommendation=101')).total).toBe(3);
    expect((await list('?commitment=t2.c4')).total).toBe(3);
    expect(refsOf(await list('?roundTable=RT2&form=policy'))).toEqual([refs.rescue]);
    expect(refsOf(await list('?country=KEN'))).toEqual([refs.ngo]);
    expect((await list('?country=ITA')).total).toBe(3);
    expect(refsOf(await list('?region=202'))).toEqual([refs.ngo]);
    expect((await list('?region=150')).total).toBe(3);
    expect(refsOf(await list('?pledgerKind=civil_society'))).toEqual([refs.ngo]);
    expect(refsOf(await list('?state=withdrawn'))).toEqual([refs.withdrawn]);
    expect((await list('?state=published&status=not_started')).total).toBe(3);
    expect((await list('?status=achieved')).total).toBe(0);
  });

  it('searches the published text, sorts and caps pagination', async () => {
    expect(refsOf(await list('?q=legal%20counselling'))).toEqual([refs.ngo]);
    expect(refsOf(await list('?q=missing%20migrants'))).toEqual([refs.revised]);
    expect((await list('?q=REVISION-ONLY')).total).toBe(0);
    expect(refsOf(await list('?sort=title&order=asc'))).toEqual([refs.withdrawn, refs.revised, refs.ngo, refs.rescue]);
    const page = await list('?limit=2&offset=2');
    expect({ total: page.total, refs: refsOf(page) }).toEqual({ total: 4, refs: [refs.withdrawn, refs.revised] });
    const bad = await t.http.get('/api/v1/pledges?limit=101&colour=red').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['colour', 'limit']);
    await t.http.get('/api/v1/pledges?sort=relevance').expect(400);
  });

  it('exports exactly the rows of the list, as CSV and as XLSX, with the same filters', async () => {
    for (const query of ['', '?objective=8&sort=title&order=desc', '?pledgerKind=civil_society']) {
      const api = await list(`${query}${query ? '&' : '?'}limit=100`);
      const csv = await t.http.get(`/api/v1/pledges/export.csv${query}`).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['x-total-count']).toBe(String(api.total));
      const rows: Record<string, string>[] = parse(csv.text, { columns: true, bom: true });
      expect(rows.map((r) => [r.reference, r.title, r.lead_organisation])).toEqual(
        api.items.map((i: { reference: string; title: string; leadOrganisation: { name: string } }) => [i.reference, i.title, i.leadOrganisation.name]),
      );

      const xlsx = await t.http.get(`/api/v1/pledges/export.xlsx${query}`).buffer(true).parse(binary).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as Buffer);
      const sheet = workbook.getWorksheet('pledges')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const sheetRows = sheet.getSheetValues().slice(2).map((r) => Object.fromEntries(header.map((h, i) => [h, (r as unknown[])[i + 1]])));
      expect(sheetRows.map((r) => [r.reference, r.title, r.budget_amount])).toEqual(
        api.items.map((i: { reference: string; title: string; budget: { amount: number } | null }) => [i.reference, i.title, i.budget?.amount]),
      );
      for (const s of SECRETS) {
        expect(csv.text).not.toContain(s);
        expect(JSON.stringify(sheetRows)).not.toContain(s);
      }
    }
  });
});
