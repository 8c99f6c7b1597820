import { isLocale, LOCALE_COOKIE, localePagePath as localePath, LOCALES, localeDirection, negotiateLocale, SOURCE_LOCALE, splitLocalePath, type Locale } from '@gcm/platform/pure';


function cookieLocale(cookieHeader: string | undefined): Locale | undefined {
  const m = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})(?:;|$)`).exec(cookieHeader ?? '');
  return m && isLocale(m[1]) ? m[1] : undefined;
}

export type PageAnswer = { redirect: string; status: 301 | 302 } | { locale: Locale; path: string };

/**
 * What a page request gets: `/en/…` moves to the unprefixed English address
 * (301); an unprefixed address goes to the remembered language (the cookie),
 * else on a first visit to the best of Accept-Language (302, `Vary`); a
 * prefixed address is always served in its language, so it can be shared.
 */
export function answerPage(pathname: string, search: string, headers: { cookie?: string; acceptLanguage?: string }): PageAnswer {
  const { locale, path, prefixed } = splitLocalePath(pathname);
  if (prefixed && locale === SOURCE_LOCALE) return { redirect: path + search, status: 301 };
  if (prefixed) return { locale, path };
  const wanted = cookieLocale(headers.cookie) ?? negotiateLocale(headers.acceptLanguage);
  if (wanted !== SOURCE_LOCALE) return { redirect: localePath(path, wanted) + search, status: 302 };
  return { locale, path };
}

const escapeAttr = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * index.html as served for a page in `locale`: `<html lang dir>` right before
 * any script runs, and the page's `hreflang` alternates in every language.
 */
export function localisedIndex(html: string, locale: Locale, path: string, origin: string): string {
  const alternates = [...LOCALES.map((l) => [l, l] as const), ['x-default', SOURCE_LOCALE] as const]
    .map(([hreflang, l]) => `<link rel="alternate" hreflang="${hreflang}" href="${escapeAttr(origin + localePath(path, l))}" data-alternate />`)
    .join('');
  return html
    .replace(/<html[^>]*>/, `<html lang="${locale}" dir="${localeDirection(locale)}">`)
    .replace('</head>', `${alternates}</head>`);
}
