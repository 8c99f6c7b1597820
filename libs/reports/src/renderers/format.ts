import { Cell, ColumnType, FigureFormat, KeyFigure } from '../model/document.types';
import { wholePercent } from '../builders/statistics';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Shown for an empty cell or a figure that cannot be computed. */
export const EMPTY = '–';

/**
 * The one display format of the HTML and PDF editions (the data annex keeps raw
 * values): quantities grouped by thousands, shares as whole percent, half up,
 * like the builders' sentences; years and identifiers exactly as written
 * (2026, not 2,026).
 */
export function formatValue(value: Cell, type: ColumnType | FigureFormat): string {
  if (value === null || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  switch (type) {
    case 'percent':
      return `${wholePercent(value)}%`;
    case 'integer':
      return integer.format(value);
    case 'number':
      return decimal.format(value);
    default:
      return String(value);
  }
}

export function formatFigure(f: KeyFigure): string {
  return formatValue(f.value, f.format);
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
