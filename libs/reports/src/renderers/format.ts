import { Cell, ColumnType, FigureFormat, KeyFigure } from '../model/document.types';
import { wholePercent } from '../builders/statistics';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Shown for an empty cell or a figure that cannot be computed. */
export const EMPTY = '–';

/**
 * The one display format of the HTML and PDF editions (the data annex keeps raw
 * values): shares as whole percent, half up, like the builders' sentences.
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

export function isNumeric(type: ColumnType): boolean {
  return type === 'integer' || type === 'number' || type === 'percent';
}
