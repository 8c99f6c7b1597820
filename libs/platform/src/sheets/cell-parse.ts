import { columnLetter, SheetReport } from './sheet-report';
import type { CellValue, ColumnSpec, SheetRow } from './sheet-reader';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Typed reads of one row's cells: a value that does not fit is reported at
 * its cell in plain words and read as undefined, so every problem of the
 * file is found in one pass.
 */
export class RowReader {
  constructor(
    private readonly sheet: string,
    private readonly columns: ColumnSpec[],
    readonly row: SheetRow,
    private readonly report: SheetReport,
  ) {}

  at(key: string) {
    const i = this.columns.findIndex((c) => c.key === key);
    return { sheet: this.sheet, row: this.row.row, column: columnLetter(i + 1), heading: this.columns[i]?.heading ?? key };
  }

  issue(key: string, message: string): void {
    this.report.add({ ...this.at(key), message });
  }

  raw(key: string): CellValue {
    return this.row.cells[key] ?? null;
  }

  has(key: string): boolean {
    return this.raw(key) !== null;
  }

  text(key: string, opts: { required?: boolean; max?: number; min?: number } = {}): string | undefined {
    const v = this.raw(key);
    if (v === null) {
      if (opts.required) this.issue(key, 'This cell is required');
      return undefined;
    }
    const s = (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();
    if (opts.max !== undefined && s.length > opts.max) return void this.issue(key, `At most ${opts.max} characters (this has ${s.length})`);
    if (opts.min !== undefined && s.length < opts.min) return void this.issue(key, `At least ${opts.min} characters (this has ${s.length})`);
    return s;
  }

  number(key: string, opts: { required?: boolean; min?: number; max?: number; integer?: boolean; what?: string } = {}): number | undefined {
    const v = this.raw(key);
    if (v === null) {
      if (opts.required) this.issue(key, 'This cell is required');
      return undefined;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    const what = opts.what ?? (opts.integer ? 'a whole number' : 'a number');
    if (!Number.isFinite(n)) return void this.issue(key, `"${String(v)}" is not ${what}`);
    if (opts.integer && !Number.isInteger(n)) return void this.issue(key, `${n} is not ${what}`);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      return void this.issue(key, `${n} is outside the allowed range ${opts.min ?? '…'} to ${opts.max ?? '…'}`);
    }
    return n;
  }

  /** A date cell, or text YYYY-MM-DD. */
  date(key: string, opts: { required?: boolean } = {}): string | undefined {
    const v = this.raw(key);
    if (v === null) {
      if (opts.required) this.issue(key, 'This cell is required');
      return undefined;
    }
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    // A date typed into a cell without a date format arrives as its serial number (days since 1899-12-30).
    if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2958466) return new Date((v - 25569) * 86_400_000).toISOString().slice(0, 10);
    const m = typeof v === 'string' ? DATE.exec(v.trim()) : null;
    if (m && !Number.isNaN(Date.UTC(+m[1], +m[2] - 1, +m[3])) && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() === +m[3]) return v as string;
    return void this.issue(key, `"${String(v)}" is not a date; use a date cell or YYYY-MM-DD`);
  }

  /** One of the allowed values, matched by value or by its label (case-insensitive). */
  oneOf<T extends string>(key: string, values: readonly T[], labels: Record<T, string>, opts: { required?: boolean } = {}): T | undefined {
    const v = this.raw(key);
    if (v === null) {
      if (opts.required) this.issue(key, 'This cell is required');
      return undefined;
    }
    const s = String(v).trim().toLowerCase();
    const hit = values.find((x) => x.toLowerCase() === s || labels[x].toLowerCase() === s);
    if (!hit) return void this.issue(key, `"${String(v)}" is not one of: ${values.map((x) => labels[x]).join(', ')}`);
    return hit;
  }
}
