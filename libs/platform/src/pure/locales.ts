/**
 * The six official languages of the United Nations, the one list every part of the
 * platform uses (interface, catalogue translations, content language tags, reports,
 * e-mail, the API's `Accept-Language` / `?lang=`). English is the source language:
 * every message and catalogue text exists in English, and a missing translation
 * falls back to it (shown marked `lang="en"`).
 */
export const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Text direction of a locale's script. */
export function localeDirection(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The platform locale a BCP 47 tag belongs to (`fr-CA` → `fr`, `zh-Hant-TW` → `zh`),
 * or undefined when it is none of the six.
 */
export function localeOfTag(tag: string): Locale | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/**
 * Content negotiation on an `Accept-Language` header (RFC 9110 §12.5.4): the
 * supported locale with the highest quality value, ties broken by order of
 * appearance; `*` means the source locale. Malformed entries are ignored;
 * no match gives `fallback`.
 */
export function negotiateLocale(header: string | undefined | null, fallback: Locale = SOURCE_LOCALE): Locale {
  if (!header || header.length > 1000) return fallback;
  let best: { locale: Locale; q: number; index: number } | undefined;
  header.split(',').forEach((part, index) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag.trim();
    if (!tag || !/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.exec(param);
      if (m) q = Number(m[1]);
      else if (/^\s*q\s*=/i.test(param)) return;
    }
    if (q <= 0) return;
    const locale = tag === '*' ? SOURCE_LOCALE : localeOfTag(tag);
    if (!locale) return;
    if (!best || q > best.q) best = { locale, q, index };
  });
  return best?.locale ?? fallback;
}

/**
 * A web page's address in a locale: English keeps the unprefixed path (the
 * x-default, so every old link works), the others live under their code
 * (`/fr/pledges/GCM-P-2026-00042`). One rule for the web app, the API's page
 * serving (apps/api/src/web) and the site map.
 */
export function localePagePath(path: string, locale: Locale): string {
  return locale === SOURCE_LOCALE ? path : `/${locale}${path === '/' ? '' : path}`;
}

/** The locale and app path of a page address (`/fr/pledges` → fr, `/pledges`); `prefixed` when it named one (`/en/…` too). */
export function splitLocalePath(pathname: string): { locale: Locale; path: string; prefixed: boolean } {
  const m = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
  if (m && isLocale(m[1])) return { locale: m[1], path: m[2] || '/', prefixed: true };
  return { locale: SOURCE_LOCALE, path: pathname || '/', prefixed: false };
}

/** The cookie that remembers a reader's choice of interface language (set by the web app's switcher, read by the API's page negotiation). */
export const LOCALE_COOKIE = 'gcm_lang';
