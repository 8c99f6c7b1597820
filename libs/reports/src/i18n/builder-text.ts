import { Locale, SOURCE_LOCALE, formatMessage, regionName } from '@gcm/platform/pure';
import type { CatalogueInput, CatalogueTitleKind } from '../model/catalogue-input.types';
import type { DistributionStatus } from '../model/document.types';
import { BUILDER_MESSAGES, BuilderMessageKey } from './builder-messages';
import { formatDate, intlLocale } from './report-text';

export type { CatalogueTitleKind };

/** The titles of one language, by kind and key; built once per catalogue and language. */
type TitleLookup = Map<string, string>;
const titleKey = (kind: CatalogueTitleKind, key: string | number) => `${kind}\u0000${key}`;
const lookups = new WeakMap<CatalogueInput, Map<Locale, TitleLookup>>();

function lookupOf(catalogue: CatalogueInput | undefined, locale: Locale): TitleLookup | undefined {
  if (!catalogue?.titles || locale === SOURCE_LOCALE) return undefined;
  let byLocale = lookups.get(catalogue);
  if (!byLocale) lookups.set(catalogue, (byLocale = new Map()));
  let lookup = byLocale.get(locale);
  if (!lookup) {
    lookup = new Map(catalogue.titles.filter((t) => t.locale === locale).map((t) => [titleKey(t.kind, t.key), t.text]));
    byLocale.set(locale, lookup);
  }
  return lookup;
}

/**
 * The one seam for catalogue titles in reports: the title of a catalogue item
 * in a report language, from the translated titles the dataset loader put in
 * the report's catalogue (`catalogue.titles`, by kind, key and locale); the
 * dataset's English text where there is none.
 */
export function catalogueTitle(
  kind: CatalogueTitleKind, key: string | number, datasetTitle: string, locale: Locale, catalogue?: CatalogueInput,
): string {
  return lookupOf(catalogue, locale)?.get(titleKey(kind, key)) ?? datasetTitle;
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
  /** A catalogue title in the locale (see `catalogueTitle`); English where the catalogue has no translation. */
  catalogue(kind: CatalogueTitleKind, key: string | number, datasetTitle: string): string;
  /**
   * A country (by ISO alpha-2) or an M49 region in the report language, from
   * CLDR through platform's `regionName`; English keeps the catalogue's UN name.
   */
  place(code: string | null, englishName: string): string;
}

const cache = new Map<Locale, BuilderText>();
const withCatalogue = new WeakMap<CatalogueInput, Map<Locale, BuilderText>>();

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

/**
 * The builders' words in `locale`. Pass the report's catalogue (a builder:
 * `builderText(input.language, input.catalogue)`) so catalogue titles come out
 * translated; without it they stay the dataset's English.
 */
export function builderText(locale: Locale = 'en', catalogue?: CatalogueInput): BuilderText {
  if (catalogue) {
    let byLocale = withCatalogue.get(catalogue);
    if (!byLocale) withCatalogue.set(catalogue, (byLocale = new Map()));
    let text = byLocale.get(locale);
    if (!text) {
      const base = builderText(locale);
      text = { ...base, catalogue: (kind, key, title) => catalogueTitle(kind, key, title, locale, catalogue) };
      byLocale.set(locale, text);
    }
    return text;
  }
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
