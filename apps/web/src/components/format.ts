import { t } from '../i18n';

/**
 * The one place numbers, dates, percentages, sizes, periods and country names
 * are written for the reader, in the interface language (`t.locale`, Intl).
 * Formatters are made once per locale.
 */
const made = new Map<string, unknown>();
function once<T>(kind: string, make: (locale: string) => T): T {
  const key = `${kind}\u0000${t.locale}`;
  if (!made.has(key)) made.set(key, make(t.locale));
  return made.get(key) as T;
}

const dateTime = () => once('dateTime', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }));
const dateOnly = () => once('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }));

/** Times are shown in UTC, as the audit log and deadlines are kept. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${dateTime().format(new Date(iso))} UTC` : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateOnly().format(new Date(iso)) : '—';
}

/** A period between two dates (a pledge's start and target, a cycle's opening and deadline), the locale's way; an open end reads “…”. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return once('range', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' })).formatRange(new Date(from), new Date(to));
  return t.pledge.periodValue(from ? formatDate(from) : '…', to ? formatDate(to) : '…');
}

/** Whole days from now until `iso` (negative when past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.ceil((new Date(iso).getTime() - now) / 86_400_000);
}

const numberFormat = () => once('number', (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 2 }));

/** A quantity (people, money, indicator values): grouped digits in the reader's locale. Years are not quantities. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFormat().format(n);
}

/** A share of a whole (0.125 → “12.5%”, “12,5 %”, “١٢٫٥٪”); none reads “–”. */
export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : once('percent', (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 })).format(share);
}

/** A file size in kB or MB, at least 1 kB. */
export function formatBytes(bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? Math.round((bytes / 1024 / 1024) * 10) / 10 : Math.max(1, Math.round(bytes / 1024));
  return once(mb ? 'mb' : 'kb', (l) =>
    new Intl.NumberFormat(l, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }),
  ).format(value);
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(t.locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // A currency code Intl does not know still reads as a number and its code.
    return `${formatNumber(amount)} ${currency}`;
  }
}

/**
 * A country's name in the interface language from CLDR (Intl.DisplayNames, by
 * its ISO 3166 alpha-2 code). English keeps the UN's own names from the
 * catalogue (`fallback`), which CLDR shortens (“United States”).
 */
export function countryName(alpha2: string | null | undefined, fallback: string): string {
  if (t.lang === 'en' || !alpha2) return fallback;
  try {
    const name = once('region', (l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' })).of(alpha2.toUpperCase());
    return name ?? fallback;
  } catch {
    return fallback;
  }
}

/** Sorting by name the locale's way (Arabic, Chinese pinyin order, accents in French). */
export function compareNames(a: string, b: string): number {
  return once('collator', (l) => new Intl.Collator(l)).compare(a, b);
}

/** An M49 region's name in the interface language from CLDR where it has one (Africa → Afrique, 419 → Amérique latine…), else the catalogue's English. */
export function regionName(m49: string | null | undefined, fallback: string): string {
  return countryName(m49, fallback);
}

interface CountryNames {
  alpha2: string;
  name: string;
  region: string;
  regionM49: string;
  subregion: string;
  subregionM49: string;
  intermediateRegion?: string | null;
  intermediateRegionM49?: string | null;
}

/** A country of the catalogue with its own and its regions' names in the interface language (CLDR), codes untouched. */
export function localCountry<C extends CountryNames>(c: C): C {
  if (t.lang === 'en') return c;
  return {
    ...c,
    name: countryName(c.alpha2, c.name),
    region: regionName(c.regionM49, c.region),
    subregion: regionName(c.subregionM49, c.subregion),
    ...(c.intermediateRegion && c.intermediateRegionM49 ? { intermediateRegion: regionName(c.intermediateRegionM49, c.intermediateRegion) } : {}),
  };
}
