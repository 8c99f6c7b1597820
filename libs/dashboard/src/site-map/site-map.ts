import { localePagePath, LOCALES, SOURCE_LOCALE } from '@gcm/platform/pure';

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

/**
 * The sitemaps.org XML for `entries` under `base` (absolute URLs are required
 * there): every page in each of the six languages, each URL listing all its
 * language versions as `xhtml:link` alternates (English is also the x-default).
 */
export function siteMapXml(base: string, entries: SiteMapEntry[]): string {
  const root = base.replace(/\/+$/, '');
  const urls = entries.flatMap((e) => {
    const lastmod = e.lastModified ? `<lastmod>${e.lastModified.toISOString().slice(0, 10)}</lastmod>` : '';
    const alternates = [...LOCALES.map((l) => [l, l] as const), ['x-default', SOURCE_LOCALE] as const]
      .map(([hreflang, l]) => `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(root + localePagePath(e.path, l))}"/>`)
      .join('');
    return LOCALES.map((l) => `  <url><loc>${escapeXml(root + localePagePath(e.path, l))}</loc>${lastmod}${alternates}</url>`);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * Crawlers may read the public site; the workspace, the sign-in pages and the
 * API (open data has its own downloads page) are not for indexing.
 */
export function robotsTxt(base: string): string {
  const root = base.replace(/\/+$/, '');
  const privatePaths = ['/workspace', '/sign-in', '/forgot-password', '/reset-password', '/accept-invitation'];
  return [
    'User-agent: *',
    ...LOCALES.flatMap((l) => privatePaths.map((p) => `Disallow: ${localePagePath(p, l)}`)),
    'Disallow: /api/',
    '',
    `Sitemap: ${root}/sitemap.xml`,
    '',
  ].join('\n');
}
