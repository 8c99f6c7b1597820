import { Locale, formatMessage, regionName } from '@gcm/platform/pure';
import type { DistributionStatus } from '../model/document.types';
import { BUILDER_MESSAGES, BuilderMessageKey } from './builder-messages';
import { formatDate, intlLocale } from './report-text';

/** What a catalogue title is of: an objective, theme, commitment, region… */
export type CatalogueTitleKind = 'objective' | 'objective_short' | 'theme' | 'commitment' | 'recommendation' | 'round_table' | 'region' | 'principle';

/**
 * The one seam for catalogue titles in reports: the title of a catalogue item
 * in a report language. Today every catalogue title is the dataset's (English)
 * text; when the catalogue carries translations, this is the one function to
 * wire to them (the loader would fill them in, keyed by kind and key).
 */
export function catalogueTitle(kind: CatalogueTitleKind, key: string | number, datasetTitle: string, locale: Locale): string {
  void kind;
  void key;
  void locale;
  return datasetTitle;
}

export interface BuilderText {
  locale: Locale;
  t(key: BuilderMessageKey, values?: Record<string, unknown>): string;
  /** A count in the locale's digits and grouping (English: as written, 2500). */
  count(n: number): string;
  /** A calendar date (YYYY-MM-DD) in the locale; English keeps ISO dates. */
  date(iso: string): string;
  status(s: DistributionStatus): string;
  /** A list of short items ("T1, T2"; Chinese "T1、T2"). */
  list(items: string[]): string;
  catalogue(kind: CatalogueTitleKind, key: string | number, datasetTitle: string): string;
  /**
   * A country (by ISO alpha-2) or an M49 region in the report language, from
   * CLDR through platform's `regionName`; English keeps the catalogue's UN name.
   */
  place(code: string | null, englishName: string): string;
}

const cache = new Map<Locale, BuilderText>();

/**
 * In right-to-left text, each inserted value that holds Latin letters or
 * digits (a cycle code, a reference, an organisation's Latin name) is a
 * first-strong isolate, so "2026-H1" reads as written inside Arabic instead
 * of being split by the bidirectional algorithm. The isolates are invisible:
 * browsers apply them, the PDF layout applies and drops them.
 */
function isolated(values?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!values) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && /[A-Za-z0-9]/.test(v) ? `\u2068${v}\u2069` : v]));
}

export function builderText(locale: Locale = 'en'): BuilderText {
  const hit = cache.get(locale);
  if (hit) return hit;
  const numbers = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 });
  const text: BuilderText = {
    locale,
    t: (key, values) => formatMessage(BUILDER_MESSAGES, locale, key, locale === 'ar' ? isolated(values) : values),
    count: (n) => (locale === 'en' ? String(n) : numbers.format(n)),
    date: (iso) => formatDate(iso, locale),
    status: (s) => formatMessage(BUILDER_MESSAGES, locale, `status_${s}`),
    list: (items) => items.join(locale === 'zh' ? '、' : locale === 'ar' ? '، ' : ', '),
    catalogue: (kind, key, title) => catalogueTitle(kind, key, title, locale),
    place: (code, english) => regionName(locale, code, english).name,
  };
  cache.set(locale, text);
  return text;
}
