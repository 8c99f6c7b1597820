import { robotsTxt, siteMapXml } from './site-map';

describe('site map', () => {
  it('writes absolute, escaped URLs with the last change as a date', () => {
    const xml = siteMapXml('https://gcm.example.org/', [{ path: '/' }, { path: '/pledges/A&B', lastModified: new Date('2026-03-04T22:10:00Z') }]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">');
    expect(xml).toContain('<url><loc>https://gcm.example.org/</loc><xhtml:link');
    expect(xml).toContain('<url><loc>https://gcm.example.org/pledges/A&#38;B</loc><lastmod>2026-03-04</lastmod><xhtml:link');
  });

  it('lists every page in the six languages, each with all its language versions as alternates', () => {
    const xml = siteMapXml('https://gcm.example.org', [{ path: '/' }, { path: '/pledges/GCM-P-2026-00042' }]);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      ...['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => `https://gcm.example.org${l === 'en' ? '/' : `/${l}`}`),
      ...['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => `https://gcm.example.org${l === 'en' ? '' : `/${l}`}/pledges/GCM-P-2026-00042`),
    ]);
    const fr = xml.split('\n').find((line) => line.includes('<loc>https://gcm.example.org/fr/pledges/'));
    expect(fr).toContain('<xhtml:link rel="alternate" hreflang="ar" href="https://gcm.example.org/ar/pledges/GCM-P-2026-00042"/>');
    expect(fr).toContain('<xhtml:link rel="alternate" hreflang="en" href="https://gcm.example.org/pledges/GCM-P-2026-00042"/>');
    expect(fr).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://gcm.example.org/pledges/GCM-P-2026-00042"/>');
    expect(fr?.match(/<xhtml:link /g)).toHaveLength(7);
  });

  it('keeps crawlers out of the workspace and the API and points them at the site map', () => {
    const robots = robotsTxt('https://gcm.example.org');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/workspace$/m);
    expect(robots).toMatch(/^Disallow: \/ar\/workspace$/m);
    expect(robots).toMatch(/^Disallow: \/zh\/sign-in$/m);
    expect(robots).toMatch(/^Disallow: \/api\/$/m);
    expect(robots).toMatch(/^Sitemap: https:\/\/gcm\.example\.org\/sitemap\.xml$/m);
  });
});
