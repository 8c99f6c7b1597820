/** One public page of the web app, as a search engine should know it. */
export interface SiteMapEntry {
  path: string;
  /** When its public content last changed (published pledges); omitted when unknown. */
  lastModified?: Date;
}

/** The public pages that exist whatever the data: the web app's top-level routes (apps/web/src/app/routes.ts). */
export const STATIC_PAGES = [
  '/',
  '/objectives',
  '/themes',
  '/round-tables',
  '/recommendations',
  '/principles',
  '/countries',
  '/map',
  '/pledges',
  '/practices',
  '/coverage',
  '/reports',
  '/open-data',
];

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sitemaps.org XML for `entries` under `base` (absolute URLs are required there). */
export function siteMapXml(base: string, entries: SiteMapEntry[]): string {
  const root = base.replace(/\/+$/, '');
  const urls = entries.map((e) => {
    const lastmod = e.lastModified ? `<lastmod>${e.lastModified.toISOString().slice(0, 10)}</lastmod>` : '';
    return `  <url><loc>${escapeXml(root + e.path)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * Crawlers may read the public site; the workspace, the sign-in pages and the
 * API (open data has its own downloads page) are not for indexing.
 */
export function robotsTxt(base: string): string {
  const root = base.replace(/\/+$/, '');
  return [
    'User-agent: *',
    'Disallow: /workspace',
    'Disallow: /sign-in',
    'Disallow: /forgot-password',
    'Disallow: /reset-password',
    'Disallow: /accept-invitation',
    'Disallow: /api/',
    '',
    `Sitemap: ${root}/sitemap.xml`,
    '',
  ].join('\n');
}
