import { robotsTxt, siteMapXml } from './site-map';

describe('site map', () => {
  it('writes absolute, escaped URLs with the last change as a date', () => {
    const xml = siteMapXml('https://gcm.example.org/', [{ path: '/' }, { path: '/pledges/A&B', lastModified: new Date('2026-03-04T22:10:00Z') }]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<url><loc>https://gcm.example.org/</loc></url>');
    expect(xml).toContain('<url><loc>https://gcm.example.org/pledges/A&#38;B</loc><lastmod>2026-03-04</lastmod></url>');
  });

  it('keeps crawlers out of the workspace and the API and points them at the site map', () => {
    const robots = robotsTxt('https://gcm.example.org');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/workspace$/m);
    expect(robots).toMatch(/^Disallow: \/api\/$/m);
    expect(robots).toMatch(/^Sitemap: https:\/\/gcm\.example\.org\/sitemap\.xml$/m);
  });
});
