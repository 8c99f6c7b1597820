import { Cell, ColumnType, FigureFormat, KeyFigure } from '../model/document.types';
import type { Locale } from '@gcm/platform/pure';
import { wholePercent } from '../builders/statistics';
import { formatDate, intlLocale, reportText } from '../i18n/report-text';

interface Formats {
  integer: Intl.NumberFormat;
  decimal: Intl.NumberFormat;
  percent: Intl.NumberFormat;
}
const formats = new Map<Locale, Formats>();
function formatsOf(locale: Locale): Formats {
  let f = formats.get(locale);
  if (!f) {
    const l = intlLocale(locale);
    formats.set(locale, (f = {
      integer: new Intl.NumberFormat(l, { maximumFractionDigits: 0 }),
      decimal: new Intl.NumberFormat(l, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 }),
    }));
  }
  return f;
}

/** Shown for an empty cell or a figure that cannot be computed. */
export const EMPTY = '–';

/**
 * The one display format of the HTML and PDF editions (the data annex keeps raw
 * values): quantities grouped by thousands, shares as whole percent, half up,
 * like the builders' sentences; years and identifiers exactly as written
 * (2026, not 2,026). Numbers, shares and dates follow the report's
 * language through Intl (`17 %` in French, `2 500` with a narrow space).
 */
export function formatValue(value: Cell, type: ColumnType | FigureFormat, locale: Locale = 'en'): string {
  if (value === null || value === '') return EMPTY;
  if (typeof value === 'boolean') return reportText(locale).t(value ? 'yes' : 'no');
  if (typeof value === 'string') return type === 'date' ? formatDate(value, locale) : value;
  switch (type) {
    case 'percent':
      return locale === 'en' ? `${wholePercent(value)}%` : formatsOf(locale).percent.format(wholePercent(value) / 100);
    case 'integer':
      return formatsOf(locale).integer.format(value);
    case 'number':
      return formatsOf(locale).decimal.format(value);
    default:
      return String(value);
  }
}

export function formatFigure(f: KeyFigure, locale: Locale = 'en'): string {
  return formatValue(f.value, f.format, locale);
}

/** Right-aligned in tables; years and identifiers read as labels, so they align left. */
export function isNumeric(type: ColumnType | 'bar'): boolean {
  return type === 'integer' || type === 'number' || type === 'percent';
}

/**
 * The one cell-format rule of the spreadsheet annex, the counterpart of
 * `formatValue`: a share is stored as its exact ratio and shown as percent,
 * quantities are grouped, years and identifiers are plain integers. No format
 * (General) for text and decimals.
 */
export function spreadsheetFormat(type: ColumnType | FigureFormat): string | undefined {
  switch (type) {
    case 'percent':
      return '0%';
    case 'integer':
      return '#,##0';
    case 'year':
    case 'identifier':
      return '0';
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}
