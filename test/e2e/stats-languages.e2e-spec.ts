import { MetricsService } from '@gcm/platform';
import { createTestApp, TestApp } from '../helpers/test-app';

type Item = Record<string, unknown>;

/** The dashboards' aggregates in the request's language, with the same translations the framework catalogue answers. */
describe('stats titles and labels in the request language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = async (url: string, language?: string) => {
    const req = t.http.get(url);
    const res = await (language ? req.set('Accept-Language', language) : req);
    expect(res.status).toBe(200);
    return res;
  };
  const framework = async (path: string, lang: string) => (await get(`/api/v1/framework/${path}?lang=${lang}`)).body;

  it('French: objective and theme titles from the catalogue translations, with their language and source; English fallbacks marked', async () => {
    const res = await get('/api/v1/stats/pledges-by/objective?lang=fr');
    expect(res.headers['content-language']).toBe('fr');
    expect(res.headers.vary).toMatch(/Accept-Language/i);
    const five = (res.body.items as Item[]).find((i) => i.key === 5)!;
    const catalogue = await framework('objectives/5', 'fr');
    expect(five).toMatchObject({
      title: catalogue.title, titleLang: 'fr', titleSource: 'unofficial',
      label: catalogue.shortLabel, labelLang: catalogue.shortLabelLang, labelSource: catalogue.shortLabelSource,
    });
    expect(five.title).toBe('Faire en sorte que les filières de migration régulière soient accessibles et plus souples');

    const themes = (await get('/api/v1/stats/pledges-by/theme?lang=fr')).body.items as Item[];
    const t1 = await framework('themes/T1', 'fr');
    expect(themes.find((i) => i.key === 'T1')).toMatchObject({ title: t1.title, titleLang: t1.titleLang, titleSource: t1.titleSource, label: t1.title });

    const kinds = (await get('/api/v1/stats/pledges-by/pledger-kind?lang=fr')).body.items as Item[];
    expect(kinds.find((i) => i.key === 'civil_society')).toMatchObject({ label: 'Société civile', title: 'Société civile' });
    const summary = (await get('/api/v1/stats/objectives/5?lang=fr')).body;
    expect(summary.objective).toMatchObject({ number: 5, title: catalogue.title, titleLang: 'fr', titleSource: 'unofficial' });
    for (const th of summary.themes as Item[]) {
      const c = await framework(`themes/${th.code}`, 'fr');
      expect(th).toMatchObject({ title: c.title, titleLang: c.titleLang, titleSource: c.titleSource });
    }
    expect((summary.byRegion as Item[]).find((r) => r.code === '150')).toMatchObject({ name: 'Europe', nameLang: 'fr' });
  });

  it('Arabic (Accept-Language): gaps, coverage, map and country pages name everything in Arabic, as the catalogue and CLDR do', async () => {
    const gaps = await get('/api/v1/stats/gaps?threshold=1', 'ar');
    expect(gaps.headers['content-language']).toBe('ar');
    const objectives = gaps.body.objectives as Item[];
    expect(objectives).toHaveLength(23);
    const catalogue = await framework('objectives', 'ar') as Item[];
    for (const o of objectives) {
      const c = catalogue.find((x) => x.number === o.number)!;
      expect(o).toMatchObject({ title: c.title, titleLang: c.titleLang, titleSource: c.titleSource, label: c.shortLabel, labelLang: c.shortLabelLang });
    }
    expect(objectives.some((o) => o.titleLang === 'ar')).toBe(true);
    for (const th of gaps.body.themes as Item[]) expect(th).toHaveProperty('titleLang');
    for (const r of gaps.body.recommendations as Item[]) expect(['ar', 'en']).toContain(r.shortTitleLang);

    const coverage = (await get('/api/v1/stats/coverage', 'ar')).body;
    const arabicAfrica = new Intl.DisplayNames(['ar'], { type: 'region' }).of('002');
    expect((coverage.regions as Item[]).find((r) => r.code === '002')).toMatchObject({ name: arabicAfrica, nameLang: 'ar' });
    const map = (await get('/api/v1/stats/map', 'ar')).body;
    expect((map.countries as Item[]).find((c) => c.alpha3 === 'FRA')).toMatchObject({ alpha2: 'FR', name: new Intl.DisplayNames(['ar'], { type: 'region' }).of('FR'), nameLang: 'ar' });
    const forms = (await get('/api/v1/stats/pledges-by/form', 'ar')).body.items as Item[];
    expect(forms.find((f) => f.key === 'financial')).toMatchObject({ label: 'مالي' });
    const country = (await get('/api/v1/stats/countries/FRA?lang=zh')).body;
    expect(country.country).toMatchObject({ alpha3: 'FRA', name: '法国', nameLang: 'zh', region: '欧洲' });
    expect((country.byObjective as Item[])[0]).toHaveProperty('labelLang');
  });

  it('English is the catalogue as recorded, without the markers', async () => {
    const res = await get('/api/v1/stats/pledges-by/objective');
    expect(res.headers['content-language']).toBe('en');
    const [{ title, short_label: label }] = await t.dataSource.query('SELECT title, short_label FROM objective WHERE number = 5');
    const five = (res.body.items as Item[]).find((i) => i.key === 5)!;
    expect(five).toEqual({ key: 5, label, title, pledges: expect.any(Number) });
    const kinds = (await get('/api/v1/stats/pledges-by/pledger-kind')).body.items as Item[];
    expect(kinds.find((i) => i.key === 'civil_society')).toMatchObject({ label: 'Civil society' });
  });

  it('the cache keeps each language apart, on the fast path too: a body is never answered in another language', async () => {
    const url = '/api/v1/stats/gaps?threshold=2';
    const memoryHits = async () => ((await t.app.get(MetricsService).cacheLookups.get()).values.find((v) => v.labels.result === 'memory')?.value ?? 0);
    const requests: [string, (r: ReturnType<typeof t.http.get>) => ReturnType<typeof t.http.get>][] = [
      ['fr', (r) => r.query({ lang: 'fr' })],
      ['ar', (r) => r.set('Accept-Language', 'ar')],
      ['en', (r) => r],
      ['zh', (r) => r.set('Accept-Language', 'zh-CN, en;q=0.8')],
    ];
    const first = new Map<string, string>();
    for (const [lang, how] of requests) {
      const res = await how(t.http.get(url));
      expect(res.headers['content-language']).toBe(lang);
      first.set(lang, res.text);
    }
    expect(new Set(first.values()).size).toBe(4);
    const before = await memoryHits();
    // Interleaved, in both orders, by parameter and by header: each answer is its language's.
    for (const round of [requests, [...requests].reverse(), requests]) {
      for (const [lang, how] of round) {
        const res = await how(t.http.get(url));
        expect({ lang, language: res.headers['content-language'], same: res.text === first.get(lang) }).toEqual({ lang, language: lang, same: true });
      }
    }
    // The same URL by header and by parameter is one entry per language.
    const byHeader = await t.http.get(url).set('Accept-Language', 'fr');
    expect(byHeader.text).toBe(first.get('fr'));
    expect(await memoryHits()).toBeGreaterThan(before);
  });
});
