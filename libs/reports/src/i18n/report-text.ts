import { Locale, formatMessage, localeDirection } from '@gcm/platform/pure';
import type { Footnote } from '../model/document.types';
import type { CycleInput, SnapshotInput } from '../model/report-input.types';
import { REPORT_MESSAGES, ReportMessageKey } from './report-messages';

/**
 * The Intl locale of a report language. Arabic reports use Western digits
 * (as UN Arabic documents do beside references such as GCM-P-2026-00042);
 * English keeps en-US grouping (2,500).
 */
export function intlLocale(locale: Locale): string {
  return locale === 'ar' ? 'ar-u-nu-latn' : locale === 'en' ? 'en-US' : locale;
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A calendar date (YYYY-MM-DD) or an instant in the report's language. English
 * keeps ISO dates, as the English editions always printed them.
 */
export function formatDate(iso: string, locale: Locale): string {
  if (locale === 'en') return iso;
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' })));
  return f.format(d);
}

export interface ReportText {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t(key: ReportMessageKey, values?: Record<string, unknown>): string;
  cycleLine(c: CycleInput): string;
  cycleItem(c: CycleInput): string;
  snapshotLine(s: SnapshotInput): string;
  pageOf(page: number, count: number): string;
  noneRows(caption: string): string;
  /** One footnote's text after its number: what is cited and the words quoted. */
  footnote(f: Footnote): string;
  ordinal(n: number): string;
  figure: string;
  value: string;
  detail: string;
  status: string;
  pledges: string;
  share: string;
  total: string;
}

const cache = new Map<Locale, ReportText>();

/** The edition labels of one report language. */
export function reportText(locale: Locale): ReportText {
  const hit = cache.get(locale);
  if (hit) return hit;
  const t = (key: ReportMessageKey, values?: Record<string, unknown>) => formatMessage(REPORT_MESSAGES, locale, key, values);
  const d = (iso: string) => formatDate(iso, locale);
  const text: ReportText = {
    locale,
    dir: localeDirection(locale),
    t,
    cycleLine: (c) => t('cycleLine', { code: c.code, start: d(c.periodStart), end: d(c.periodEnd), deadline: d(c.deadline) }),
    cycleItem: (c) => t('cycleItem', { code: c.code, start: d(c.periodStart), end: d(c.periodEnd), deadline: d(c.deadline) }),
    snapshotLine: (s) => t('snapshotLine', { takenAt: locale === 'en' ? s.takenAt : d(s.takenAt), id: s.id, version: String(s.frameworkVersion) }),
    pageOf: (page, count) => t('pageOf', { page: String(page), count: String(count) }),
    noneRows: (caption) => t('noneRows', { caption }),
    footnote: (f) => f.source === 'update'
      ? t('footnoteUpdate', { reference: f.reference, organisation: f.organisation, cycle: f.cycleCode ?? '', title: f.title, quote: f.quote })
      : t('footnoteExpert', { reference: f.reference, organisation: f.organisation, title: f.title, quote: f.quote }),
    ordinal: (n) => `${new Intl.NumberFormat(intlLocale(locale)).format(n)}.`,
    figure: t('figure'),
    value: t('value'),
    detail: t('detail'),
    status: t('status'),
    pledges: t('pledges'),
    share: t('share'),
    total: t('total'),
  };
  cache.set(locale, text);
  return text;
}
