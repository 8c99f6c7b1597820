import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../helpers/test-app';

const sources = join(__dirname, '..', '..', 'seeds', 'sources');
const officialTitles = readFileSync(join(sources, 'gcm-framework.md'), 'utf8')
  .split('\n')
  .map((l) => /^(\d{1,2})\|([^|]+)\|/.exec(l))
  .filter((m): m is RegExpExecArray => m !== null)
  .slice(0, 23)
  .map((m) => ({ number: Number(m[1]), title: m[2] }));

describe('framework catalogue (public, read-only)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the 23 objectives with the Compact titles, round table, themes and recommendations', async () => {
    const res = await t.http.get('/api/v1/framework/objectives').expect(200);
    expect(res.body).toHaveLength(23);
    expect(res.body.map((o: { number: number; title: string }) => ({ number: o.number, title: o.title }))).toEqual(officialTitles);
    const eight = res.body[7];
    expect(eight).toMatchObject({ number: 8, shortLabel: 'Saving lives and missing migrants', roundTable: 'RT2' });
    expect(eight.themes).toEqual([
      expect.objectContaining({ number: 1, primary: true }),
      expect.objectContaining({ number: 2, primary: false }),
    ]);
    const four = res.body[3];
    expect(four.recommendations).toEqual([{ paragraph: 103, shortTitle: expect.stringContaining('legal identity') }]);
    expect(res.headers['cache-control']).toContain('max-age');
    expect(res.headers.etag).toBeDefined();
    expect(res.headers['x-framework-version']).toBe('1');
  });

  it('serves single items by number, key or code', async () => {
    await t.http.get('/api/v1/framework/objectives/8').expect(200).expect((r) => expect(r.body.title).toMatch(/^Save lives/));
    await t.http.get('/api/v1/framework/principles/h').expect(200).expect((r) => expect(r.body.name).toBe('Child-sensitive'));
    await t.http.get('/api/v1/framework/themes/T2').expect(200).expect((r) => expect(r.body.commitments).toHaveLength(6));
    await t.http.get('/api/v1/framework/themes/2').expect(200);
    await t.http.get('/api/v1/framework/commitments/T2.C4').expect(200).expect((r) => expect(r.body.text).toMatch(/^Share data/));
    await t.http.get('/api/v1/framework/recommendations/102').expect(200).expect((r) => expect(r.body.considerations).toHaveLength(4));
    await t.http.get('/api/v1/framework/round-tables/RT2').expect(200)
      .expect((r) => expect(r.body.objectives.map((o: { number: number }) => o.number)).toEqual([4, 8, 9, 10, 11, 13, 21]));
    await t.http.get('/api/v1/framework/countries/CIV').expect(200).expect((r) => expect(r.body.m49).toBe('384'));
    await t.http.get('/api/v1/framework/countries/fr').expect(200).expect((r) => expect(r.body.alpha3).toBe('FRA'));
  });

  it('lists the 5 ICMPD themes with the commitments of seed 001, sub-bullets kept with their parent', async () => {
    const res = await t.http.get('/api/v1/framework/themes').expect(200);
    expect(res.body.map((th: { commitments: unknown[] }) => th.commitments.length)).toEqual([3, 6, 6, 8, 7]);
    const t1 = res.body[0];
    expect(t1.commitments[0].subItems).toHaveLength(2);
    expect(t1.commitments[1].text).toMatch(/^Member States should seek alternatives to detention.*alternatives implemented whenever possible/);
    expect(res.body[3].commitments[1].subItems).toHaveLength(5);
    expect(JSON.stringify(res.body)).not.toContain('](#)');
  });

  it('lists SG recommendations 101-103 with the IOM considerations of seed 000', async () => {
    const res = await t.http.get('/api/v1/framework/recommendations').expect(200);
    expect(res.body.map((r: { paragraph: number; considerations: unknown[] }) => [r.paragraph, r.considerations.length]))
      .toEqual([[101, 5], [102, 4], [103, 1]]);
  });

  it('lists 195 countries, filterable by region and sub-region (name or M49 code)', async () => {
    const all = await t.http.get('/api/v1/framework/countries').expect(200);
    expect(all.body).toHaveLength(195);
    expect(all.body.filter((c: { unStatus: string }) => c.unStatus === 'observer').map((c: { alpha3: string }) => c.alpha3).sort()).toEqual(['PSE', 'VAT']);
    const africa = await t.http.get('/api/v1/framework/countries?region=Africa').expect(200);
    const africaByCode = await t.http.get('/api/v1/framework/countries?region=002').expect(200);
    expect(africa.body.length).toBe(54);
    expect(africaByCode.body).toEqual(africa.body);
    const west = await t.http.get('/api/v1/framework/countries?subregion=Western%20Europe').expect(200);
    expect(west.body.map((c: { alpha3: string }) => c.alpha3)).toContain('FRA');
    expect(west.body.every((c: { subregion: string }) => c.subregion === 'Western Europe')).toBe(true);
  });

  it('answers 404 for unknown ids and 400 for malformed ones, in the one error shape', async () => {
    const missing = await t.http.get('/api/v1/framework/objectives/99').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, code: 'not_found', error: 'Not Found', message: 'Objective 99 not found', correlationId: expect.any(String) });
    const bad = await t.http.get('/api/v1/framework/objectives/abc').expect(400);
    expect(bad.body.details).toEqual([{ field: 'number', messages: [expect.stringContaining('whole number')] }]);
    await t.http.get('/api/v1/framework/objectives/-1').expect(400);
    await t.http.get('/api/v1/framework/objectives/99999999999999').expect(400);
    await t.http.get('/api/v1/framework/principles/zz').expect(400);
    await t.http.get('/api/v1/framework/principles/z').expect(404);
    await t.http.get('/api/v1/framework/themes/T9').expect(404);
    await t.http.get('/api/v1/framework/commitments/T2.C99').expect(404);
    await t.http.get('/api/v1/framework/commitments/nonsense').expect(400);
    await t.http.get('/api/v1/framework/countries/XXX').expect(404);
    await t.http.get('/api/v1/framework/countries/%27%3B--').expect(400);
    await t.http.get('/api/v1/framework/round-tables/RT7').expect(404);
    const unknownParam = await t.http.get('/api/v1/framework/countries?colour=blue').expect(400);
    expect(unknownParam.body.details).toEqual([{ field: 'colour', messages: [expect.stringContaining('should not exist')] }]);
    await t.http.get('/api/v1/framework/countries?status=alien').expect(400);
    await t.http.get('/api/v1/framework/countries?region=' + 'x'.repeat(500)).expect(400);
  });

  it('answers a conditional GET with 304', async () => {
    const first = await t.http.get('/api/v1/framework/themes').expect(200);
    await t.http.get('/api/v1/framework/themes').set('If-None-Match', first.headers.etag).expect(304);
  });

  it('echoes a caller correlation id and reports readiness of PostgreSQL and Redis', async () => {
    const res = await t.http.get('/health/ready').set('X-Correlation-Id', 'test-correlation-123').expect(200);
    expect(res.headers['x-correlation-id']).toBe('test-correlation-123');
    expect(res.body.details).toEqual({ lifecycle: { status: 'up' }, database: { status: 'up' }, redis: { status: 'up' } });
    await t.http.get('/health').expect(200);
  });
});
