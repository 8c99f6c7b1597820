import { useEffect } from 'preact/hooks';
import { LANGUAGE_NAMES, LOCALES, t, type Locale } from '../i18n';
import { LOCALE_COOKIE, localePath } from '../i18n/locale-path';

/** Remembers the reader's choice for a year; the server's negotiation (apps/api/src/web) prefers it to Accept-Language. */
function remember(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

/** `<link rel="alternate" hreflang>` for the current page in each language, kept in step with in-app navigation. */
function useAlternates(path: string): void {
  useEffect(() => {
    document.head.querySelectorAll('link[data-alternate]').forEach((l) => l.remove());
    const origin = window.location.origin;
    for (const [hreflang, locale] of [...LOCALES.map((l) => [l, l] as const), ['x-default', 'en'] as const]) {
      const link = document.createElement('link');
      link.rel = 'alternate';
      link.hreflang = hreflang;
      link.href = origin + localePath(path, locale);
      link.dataset.alternate = '';
      document.head.append(link);
    }
  }, [path]);
}

/**
 * The same page in each of the six languages, each named in itself. Choosing one
 * loads that address afresh (its catalogue and `<html lang dir>`), keeping the query.
 */
export function LanguageSwitcher({ path, search }: { path: string; search: string }) {
  useAlternates(path);
  return (
    <nav class="languages" aria-label={t.site.language}>
      <ul>
        {LOCALES.map((locale) => {
          const href = localePath(path, locale) + search;
          return (
            <li key={locale}>
              <a
                href={href}
                hreflang={locale}
                lang={locale}
                aria-current={locale === t.lang ? 'true' : undefined}
                onClick={(e) => {
                  remember(locale);
                  if (locale === t.lang) return;
                  e.preventDefault();
                  window.location.assign(href);
                }}
              >
                {LANGUAGE_NAMES[locale]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
