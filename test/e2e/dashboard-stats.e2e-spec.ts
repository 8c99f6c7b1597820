import { bearer } from '../helpers/auth';
import { buildDashboardFixture, DashboardFixture } from '../helpers/dashboard-fixture';
import { publishedPledge, pledgeBody } from '../helpers/pledges';
import { until } from '../helpers/stats-cache';
import { createTestApp, TestApp } from '../helpers/test-app';

type Item = { key: string | number; pledges: number; pledgers?: number };
const byKey = (items: Item[]) => Object.fromEntries(items.map((i) => [i.key, i.pledges]));
const statuses = (list: { status: string; pledges: number }[]) => Object.fromEntries(list.map((s) => [s.status, s.pledges]));

describe('public aggregates (/api/v1/stats)', () => {
  let t: TestApp;
  let f: DashboardFixture;

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
  });
  afterAll(() => t.close());

  it('headline counts published pledges only, States reporting this cycle and the share achieved', async () => {
    const res = await t.http.get('/api/v1/stats/headline').expect(200);
    expect(res.body).toEqual({
      cycle: { code: '2026-H1', status: 'open', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' },
      pledges: 3, // A, B, C: not the withdrawn, draft or submitted ones
      pledgers: 3,
      statesPledging: 2,
      statesReporting: 2, // France validated, Kenya submitted
      reportingRate: 1,
      achieved: 1,
      shareAchieved: 0.3333,
      // The snapshot the figures were read from (issue 16 item 7; test/e2e/dashboard-provenance).
      provenance: { dataAsOf: expect.any(String), snapshotId: expect.stringMatching(/^\d+$/) },
    });
    const past = await t.http.get('/api/v1/stats/headline?cycle=2025-H2').expect(200);
    expect(past.body).toMatchObject({ pledges: 3, statesReporting: 1, achieved: 0, shareAchieved: 0 });
    expect(past.body.cycle.status).toBe('closed');
  });

  it('pledges by objective: every objective listed, unpublished pledges on objective 1 not counted', async () => {
    const all = await t.http.get('/api/v1/stats/pledges-by/objective').expect(200);
    expect(all.body).toMatchObject({ dimension: 'objective', count: 'all', total: 3 });
    expect(all.body.items).toHaveLength(23);
    expect(byKey(all.body.items)).toMatchObject({ 1: 0, 2: 1, 5: 1, 8: 2, 23: 1 });
    expect(all.body.items.reduce((n: number, i: Item) => n + i.pledges, 0)).toBe(5);
    const primary = await t.http.get('/api/v1/stats/pledges-by/objective?count=primary').expect(200);
    expect(byKey(primary.body.items)).toMatchObject({ 2: 1, 5: 0, 8: 2, 23: 0 });
    expect(primary.body.items.find((i: Item) => i.key === 8).label).toBe('Saving lives and missing migrants');
  });

  it('pledges by theme count each pledge once under the primary theme of its primary objective, unless count=all', async () => {
    const objectives = (await t.http.get('/api/v1/framework/objectives').expect(200)).body as { number: number; themes: { code: string; primary: boolean }[] }[];
    const primaryTheme = (n: number) => objectives.find((o) => o.number === n)!.themes.find((th) => th.primary)!.code;
    const expected: Record<string, number> = {};
    for (const n of [8, 2, 8]) expected[primaryTheme(n)] = (expected[primaryTheme(n)] ?? 0) + 1;
    const res = await t.http.get('/api/v1/stats/pledges-by/theme').expect(200);
    expect(res.body.count).toBe('primary');
    expect(res.body.items).toHaveLength(5);
    expect(Object.fromEntries(Object.entries(byKey(res.body.items)).filter(([, n]) => n > 0))).toEqual(expected);
    const all = await t.http.get('/api/v1/stats/pledges-by/theme?count=all').expect(200);
    const sum = (items: Item[]) => items.reduce((n, i) => n + i.pledges, 0);
    expect(sum(all.body.items)).toBeGreaterThanOrEqual(sum(res.body.items));
    expect(sum(res.body.items)).toBe(3);
  });

  it('pledges by region, pledger kind and form', async () => {
    const region = await t.http.get('/api/v1/stats/pledges-by/region').expect(200);
    expect(byKey(region.body.items)).toEqual({ '002': 1, '009': 0, '019': 0, '142': 0, '150': 1, '001': 1 });
    expect(region.body.items.at(-1)).toMatchObject({ key: '001', label: 'Global' });
    const kinds = await t.http.get('/api/v1/stats/pledges-by/pledger-kind').expect(200);
    expect(kinds.body.items.find((i: Item) => i.key === 'state')).toMatchObject({ pledges: 2, pledgers: 2 });
    expect(kinds.body.items.find((i: Item) => i.key === 'civil_society')).toMatchObject({ pledges: 1, pledgers: 1 });
    const forms = await t.http.get('/api/v1/stats/pledges-by/form').expect(200);
    expect(byKey(forms.body.items)).toEqual({ policy: 1, financial: 1, technical: 1, process: 0 });
    await t.http.get('/api/v1/stats/pledges-by/colour').expect(400);
    await t.http.get('/api/v1/stats/pledges-by/objective?count=some').expect(400);
  });

  it('status distribution per cycle carries validated statuses forward; submitted updates do not change it', async () => {
    const now = await t.http.get('/api/v1/stats/status').expect(200);
    expect(now.body.total).toBe(3);
    expect(now.body.reportedInCycle).toBe(1);
    expect(statuses(now.body.statuses)).toEqual({ not_started: 2, on_track: 0, delayed: 0, achieved: 1, discontinued: 0 });
    const trend = await t.http.get('/api/v1/stats/status-trend').expect(200);
    expect(trend.body.cycles.map((c: { code: string }) => c.code)).toEqual(['2025-H2', '2026-H1']);
    expect(statuses(trend.body.cycles[0].statuses)).toMatchObject({ not_started: 2, on_track: 1, achieved: 0 });
    expect(statuses(trend.body.cycles[1].statuses)).toMatchObject({ not_started: 2, on_track: 0, achieved: 1 });
    await t.http.get('/api/v1/stats/status?cycle=1999-H1').expect(404);
    await t.http.get('/api/v1/stats/status?cycle=' + encodeURIComponent("x' OR 1=1")).expect(400);
  });

  it('coverage matrix: regions × 23 objectives', async () => {
    const res = await t.http.get('/api/v1/stats/coverage').expect(200);
    expect(res.body.objectives).toHaveLength(23);
    const row = (code: string) => res.body.regions.find((r: { code: string }) => r.code === code);
    expect(res.body.regions.map((r: { code: string }) => r.code)).toEqual(['002', '009', '019', '142', '150', '001']);
    expect(row('150').counts[7]).toBe(1); // objective 8, pledge A
    expect(row('150').counts[4]).toBe(1); // objective 5
    expect(row('002').counts[1]).toBe(1); // objective 2, pledge B
    expect(row('001').counts[22]).toBe(1); // objective 23, pledge C
    expect(row('019').counts.every((n: number) => n === 0)).toBe(true); // Brazil's pledge was withdrawn
    expect(res.body.objectives[0]).toEqual({ number: 1, label: expect.any(String), pledges: 0 });
  });

  it('gaps list objectives, themes and SG recommendations under the threshold, objective 1 among the blanks', async () => {
    const res = await t.http.get('/api/v1/stats/gaps?threshold=1').expect(200);
    const numbers = res.body.objectives.map((o: { number: number }) => o.number);
    expect(numbers).toHaveLength(19);
    expect(numbers).toContain(1);
    expect(numbers).not.toContain(8);
    expect(res.body.recommendations.map((r: { paragraph: number }) => r.paragraph)).not.toContain(101);
    const two = await t.http.get('/api/v1/stats/gaps?threshold=2').expect(200);
    expect(two.body.objectives.map((o: { number: number }) => o.number)).toEqual(expect.arrayContaining([1, 2, 5, 23]));
    expect(two.body.objectives.map((o: { number: number }) => o.number)).not.toContain(8);
    await t.http.get('/api/v1/stats/gaps?threshold=0').expect(400);
  });

  it('map: every State with pledges led, pledges concerning it and reporting status', async () => {
    const res = await t.http.get('/api/v1/stats/map').expect(200);
    expect(res.body.countries).toHaveLength(195);
    const c = (a3: string) => res.body.countries.find((x: { alpha3: string }) => x.alpha3 === a3);
    expect(c('FRA')).toEqual({ alpha3: 'FRA', alpha2: 'FR', name: 'France', region: '150', pledges: 1, concerning: 1, reporting: 'reported' });
    expect(c('KEN')).toMatchObject({ pledges: 1, reporting: 'reported' });
    expect(c('BRA')).toMatchObject({ pledges: 0, concerning: 0, reporting: 'no_pledges' });
    expect(c('ITA')).toMatchObject({ pledges: 0, concerning: 1, reporting: 'no_pledges' });
    const past = await t.http.get('/api/v1/stats/map?cycle=2025-H2').expect(200);
    expect(past.body.countries.find((x: { alpha3: string }) => x.alpha3 === 'KEN').reporting).toBe('not_reported');
  });

  it('objective and country summaries', async () => {
    const o = await t.http.get('/api/v1/stats/objectives/8').expect(200);
    expect(o.body).toMatchObject({ pledges: 2, primaryPledges: 2, pledgers: 2, statesPledging: 1 });
    expect(o.body.objective.roundTable).toBe('RT2');
    expect(o.body.practices).toBeGreaterThan(0);
    expect(o.body.recentPledges.map((p: { reference: string }) => p.reference).sort()).toEqual([f.a.reference, f.c.reference].sort());
    expect(JSON.stringify(o.body)).not.toContain('Unpublished revision title');
    await t.http.get('/api/v1/stats/objectives/42').expect(404);
    await t.http.get('/api/v1/stats/objectives/x').expect(400);
    const fra = await t.http.get('/api/v1/stats/countries/fra').expect(200);
    expect(fra.body).toMatchObject({ pledges: 1, concerning: 1, country: { name: 'France', regionM49: '150' } });
    expect(fra.body.reporting).toEqual([
      { cycle: '2025-H2', cycleStatus: 'closed', status: 'reported', updates: 1, validated: 1 },
      { cycle: '2026-H1', cycleStatus: 'open', status: 'reported', updates: 1, validated: 1 },
    ]);
    await t.http.get('/api/v1/stats/countries/XYZ').expect(404);
    await t.http.get('/api/v1/stats/countries/FRANCE').expect(400);
  });

  it('sends an ETag and Cache-Control, and 304 on If-None-Match', async () => {
    const first = await t.http.get('/api/v1/stats/pledges-by/form').expect(200);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await t.http.get('/api/v1/stats/pledges-by/form').set('If-None-Match', first.headers.etag).expect(304);
    expect(again.text).toBe('');
    await t.http.get('/api/v1/stats/pledges-by/form').set('If-None-Match', '"something-else"').expect(200);
  });

  it('serves from the cache until public data changes, then the new figures', async () => {
    const before = await t.http.get('/api/v1/stats/headline').expect(200);
    expect(before.body.pledges).toBe(3);
    const france = () => t.http.get('/api/v1/stats/countries/FRA').expect(200).then((r) => r.body.country.name as string);
    expect(await france()).toBe('France');
    // A change that bypasses the services is seen too: the database notifies the cache on commit…
    await t.dataSource.query(`UPDATE country SET name = 'French Republic' WHERE alpha3 = 'FRA'`);
    expect(await until(france, 'the SQL rename', (n) => n !== 'France')).toBe('French Republic');
    await t.dataSource.query(`UPDATE country SET name = 'France' WHERE alpha3 = 'FRA'`);
    expect(await until(france, 'the SQL rename back', (n) => n === 'France')).toBe('France');
    // …and so is publishing through the API, on the very next request.
    await publishedPledge(t, f.ken, f.secretariat, pledgeBody({ title: 'Second Kenyan pledge', scope: null }));
    const after = await t.http.get('/api/v1/stats/headline').expect(200);
    expect(after.body.pledges).toBe(4);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    await t.http.get('/api/v1/stats/headline').set('If-None-Match', before.headers.etag).expect(200);
    const kenya = (await t.http.get('/api/v1/stats/map').expect(200)).body.countries.find((x: { alpha3: string }) => x.alpha3 === 'KEN');
    expect(kenya.pledges).toBe(2);
    // Withdrawing invalidates as well: Kenya leads one public pledge again; B was public during 2026-H1, so it still owes it an update.
    const [{ version }] = await t.dataSource.query('SELECT version FROM pledge WHERE id = $1', [f.b.id]);
    await t.http.post(`/api/v1/pledges/${f.b.id}/withdraw`).set(bearer(f.ken.accessToken)).send({ reason: 'Merged into the second pledge.', version }).expect(200);
    const map = (await t.http.get('/api/v1/stats/map').expect(200)).body.countries.find((x: { alpha3: string }) => x.alpha3 === 'KEN');
    expect(map).toMatchObject({ pledges: 1, reporting: 'reported' });
    expect((await t.http.get('/api/v1/stats/headline').expect(200)).body.pledges).toBe(4);
  });
});
