import { localePagePath, splitLocalePath, type Locale } from '@gcm/platform/pure';

/**
 * The language is the first segment of a page's address (`/fr/pledges/GCM-P-2026-00042`);
 * English pages keep the unprefixed addresses. The rule is platform's
 * (localePagePath/splitLocalePath), shared with the API's page serving and the site map.
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const { locale, path } = splitLocalePath(pathname);
  return { locale, path };
}

/** The address of app page `path` (unprefixed, as routes.ts knows it) in `locale`. */
export const localePath: (path: string, locale: Locale) => string = localePagePath;

export { LOCALE_COOKIE } from '@gcm/platform/pure';
