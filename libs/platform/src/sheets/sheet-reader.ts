import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { columnLetter, SheetReport } from './sheet-report';
import { zipProblem, ZipLimits, DEFAULT_ZIP_LIMITS } from './zip-limits';

export type CellValue = string | number | boolean | Date | null;

export interface ColumnSpec {
  key: string;
  heading: string;
}

/** One data row: its spreadsheet row number and the cells by column key (formulas already reported and dropped). */
export interface SheetRow {
  row: number;
  cells: Record<string, CellValue>;
}

export interface SheetLimits {
  maxRows: number;
}

type Raw = ExcelJS.CellValue;

function isFormula(v: Raw): boolean {
  return !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
}

function plain(v: Raw): CellValue | { error: string } {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('') || null;
    if ('error' in v) return { error: String(v.error) };
    if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : String(v.hyperlink);
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
  }
  return String(v);
}

/**
 * Loads an uploaded workbook after the ZIP bounds are checked; a file that
 * is not an XLSX becomes one issue of the report (never an exception).
 */
export async function loadXlsx(buf: Buffer, report: SheetReport, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ExcelJS.Workbook | null> {
  const problem = zipProblem(buf, limits);
  if (problem) {
    report.add({ message: problem });
    return null;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    report.add({ message: 'This file could not be read as an Excel workbook (.xlsx); save it again as .xlsx and upload it' });
    return null;
  }
  return wb;
}

/** Checks the sheet names: every expected one present, nothing else (hidden parts the platform wrote are allowed). */
export function checkSheetNames(wb: ExcelJS.Workbook, expected: string[], report: SheetReport, own: string[] = []): void {
  const names = wb.worksheets.map((w) => w.name);
  for (const name of expected) if (!names.includes(name)) report.add({ sheet: name, message: `The sheet "${name}" is missing; download a fresh workbook and copy your entries into it` });
  for (const name of names) {
    if (!expected.includes(name) && !own.includes(name)) report.add({ sheet: name, message: `The sheet "${name}" is not part of this workbook; remove it and upload again` });
  }
}

/** Reads a sheet whose first row holds the headings; every cell outside the known columns and every formula is an issue. */
export function readSheet(ws: ExcelJS.Worksheet, columns: ColumnSpec[], report: SheetReport, limits: SheetLimits): SheetRow[] {
  const sheet = ws.name;
  if (ws.actualRowCount > limits.maxRows + 1) {
    report.add({ sheet, message: `The sheet has ${ws.actualRowCount - 1} rows; at most ${limits.maxRows} are accepted` });
    return [];
  }
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const found = plain(header.getCell(i + 1).value);
    if (typeof found !== 'string' || found.trim() !== c.heading) {
      report.add({ sheet, row: 1, column: columnLetter(i + 1), heading: c.heading, message: `This heading should read "${c.heading}"; do not move, rename or insert columns` });
    }
  });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, CellValue> = {};
    let any = false;
    r.eachCell({ includeEmpty: false }, (cell, col) => {
      const at = { sheet, row: rowNumber, column: columnLetter(col), heading: columns[col - 1]?.heading ?? null };
      if (isFormula(cell.value)) {
        report.add({ ...at, message: 'This cell holds a formula; type the value itself (formulas are not accepted)' });
        any = true;
        return;
      }
      const v = plain(cell.value);
      if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
        report.add({ ...at, message: `This cell shows the error ${v.error}; type a value` });
        any = true;
        return;
      }
      if (v === null) return;
      if (col > columns.length) {
        report.add({ ...at, message: 'Nothing may be typed to the right of the last column' });
        any = true;
        return;
      }
      cells[columns[col - 1].key] = v;
      any = true;
    });
    if (any) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** A CSV read into the same rows as a sheet (row 1 the headings), so one validation serves both. */
export function readCsv(buf: Buffer, sheet: string, columns: ColumnSpec[], report: SheetReport, limits: SheetLimits): SheetRow[] {
  let records: string[][];
  try {
    records = parse(buf, { bom: true, relax_column_count: true, skip_empty_lines: true, to_line: limits.maxRows + 2 });
  } catch (err) {
    report.add({ sheet, message: `This file could not be read as CSV: ${(err as Error).message}` });
    return [];
  }
  if (records.length > limits.maxRows + 1) {
    report.add({ sheet, message: `The file has more than ${limits.maxRows} rows; at most ${limits.maxRows} are accepted` });
    return [];
  }
  const header = records[0] ?? [];
  columns.forEach((c, i) => {
    if ((header[i] ?? '').trim() !== c.heading) {
      report.add({ sheet, row: 1, column: columnLetter(i + 1), heading: c.heading, message: `This heading should read "${c.heading}"` });
    }
  });
  return records.slice(1).flatMap((rec, i) => {
    const cells: Record<string, CellValue> = {};
    rec.forEach((v, col) => {
      if (v.trim() === '') return;
      if (col >= columns.length) report.add({ sheet, row: i + 2, column: columnLetter(col + 1), heading: null, message: 'Nothing may be typed after the last column' });
      else cells[columns[col].key] = v;
    });
    return Object.keys(cells).length ? [{ row: i + 2, cells }] : [];
  });
}
