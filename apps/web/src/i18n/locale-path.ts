import { isLocale, SOURCE_LOCALE, type Locale } from '@gcm/platform/pure';

/**
 * The language is the first segment of a page's address (`/fr/pledges/GCM-P-2026-00042`);
 * English pages keep the unprefixed addresses (`/pledges/…`, the x-default),
 * so every old link still works. The server redirects `/en/…` to the
 * unprefixed page (apps/api/src/web).
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const m = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
  if (m && isLocale(m[1])) return { locale: m[1], path: m[2] || '/' };
  return { locale: SOURCE_LOCALE, path: pathname || '/' };
}

/** The address of app page `path` (unprefixed, as routes.ts knows it) in `locale`. */
export function localePath(path: string, locale: Locale): string {
  if (locale === SOURCE_LOCALE) return path;
  return `/${locale}${path === '/' ? '' : path}`;
}

/** The cookie that remembers the reader's choice; the server's negotiation reads it before Accept-Language. */
export const LOCALE_COOKIE = 'gcm_lang';
