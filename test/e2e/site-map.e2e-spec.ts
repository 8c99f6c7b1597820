import { createUser } from '../helpers/auth';
import { createPledge, publishedPledge } from '../helpers/pledges';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** What a crawler gets at /robots.txt and /sitemap.xml: real files, not the web app's index.html. */
describe('robots.txt and sitemap.xml', () => {
  let t: TestApp;
  let published: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: 'https://gcm.example.org' } });
    const secretariat = await createUser(t, { role: 'secretariat' });
    const fra = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    ({ reference: published } = await publishedPledge(t, fra, secretariat));
    await createPledge(t, fra, { title: 'A draft nobody may see yet' });
  });

  afterAll(() => t?.close());

  it('robots.txt is plain text that names the site map and keeps the workspace out', async () => {
    const res = await t.http.get('/robots.txt').expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).not.toContain('<html');
    expect(res.text).toMatch(/^Disallow: \/workspace$/m);
    expect(res.text).toMatch(/^Sitemap: https:\/\/gcm\.example\.org\/sitemap\.xml$/m);
  });

  it('sitemap.xml lists the public pages, the published pledge and the framework pages, never a draft', async () => {
    const res = await t.http.get('/sitemap.xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const locs = [...res.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const path of ['/', '/pledges', '/practices', '/open-data', '/objectives/8', '/themes/T2', '/round-tables/RT2', '/countries/FRA', '/practices/2.1.9']) {
      expect(locs).toContain(`https://gcm.example.org${path}`);
    }
    expect(locs).toContain(`https://gcm.example.org/pledges/${published}`);
    expect(res.text).toMatch(new RegExp(`/pledges/${published}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`));
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM pledge WHERE published_version IS NULL');
    expect(n).toBe(1);
    // The published pledge in each of the six languages, and nothing else of the pledges.
    expect(locs.filter((l) => l.includes('/pledges/GCM-')).sort()).toEqual(
      ['', '/ar', '/es', '/fr', '/ru', '/zh'].map((prefix) => `https://gcm.example.org${prefix}/pledges/${published}`).sort(),
    );
    expect(locs).toContain('https://gcm.example.org/fr/objectives/8');
    expect(locs.some((l) => l.includes('/workspace'))).toBe(false);
  });
});
