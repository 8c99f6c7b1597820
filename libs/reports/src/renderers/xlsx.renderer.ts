import { neutraliseFormula } from '@gcm/platform/pure';
import ExcelJS from 'exceljs';
import { Cell, ColumnType, ReportDocument } from '../model/document.types';
import { AnnexTable, annexTables, cellType } from './annex';
import { spreadsheetFormat } from './format';

const WIDTH: Record<ColumnType, number> = { text: 40, integer: 12, number: 14, percent: 12, year: 8, identifier: 10, date: 12, boolean: 9 };

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique. */
export function sheetNames(tables: AnnexTable[]): string[] {
  const used = new Set<string>(['about']);
  return tables.map((t) => {
    const base = t.id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Cells are typed, so Excel never runs text as a formula here; text is still
 * neutralised like the CSV annex, because a reader who re-saves a sheet as CSV
 * would otherwise hand the formula on.
 */
function cellValue(value: Cell, type: ColumnType): ExcelJS.CellValue {
  if (value === null) return null;
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00.000Z`);
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/**
 * The data annex as a workbook: an "About" sheet (title, cycles, snapshot,
 * contents) and one sheet per table with real numbers. Every cell takes its
 * format from `spreadsheetFormat`: shares (key figures included) are stored as
 * the exact ratio with a percent format, so the cell equals the JSON value and
 * opens as a percentage; years are plain integers.
 * Text is written as text, never as a formula.
 */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const when = new Date(doc.metadata.snapshot.takenAt);
  wb.creator = 'GCM Tracker';
  wb.created = when;
  wb.modified = when;
  wb.title = doc.title;
  const tables = annexTables(doc);
  const names = sheetNames(tables);

  const about = wb.addWorksheet('About');
  about.columns = [{ width: 22 }, { width: 90 }];
  about.addRow(['Report', neutraliseFormula(doc.title)]).font = { bold: true };
  if (doc.subtitle) about.addRow(['', neutraliseFormula(doc.subtitle)]);
  about.addRow(['Kind', doc.kind]);
  for (const c of doc.metadata.cycles) about.addRow(['Cycle', `${c.code}: ${c.periodStart} to ${c.periodEnd}, deadline ${c.deadline}`]);
  about.addRow(['Data as of', doc.metadata.snapshot.takenAt]);
  about.addRow(['Snapshot', `${doc.metadata.snapshot.id} (framework version ${doc.metadata.snapshot.frameworkVersion})`]);
  about.addRow([]);
  about.addRow(['Sheet', 'Contents']).font = { bold: true };
  tables.forEach((t, i) => about.addRow([names[i], neutraliseFormula(t.caption)]));

  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(names[i], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => {
      const numFmt = spreadsheetFormat(c.type);
      return { header: neutraliseFormula(c.label), key: c.key, width: WIDTH[c.type], style: numFmt ? { numFmt } : {} };
    });
    ws.getRow(1).font = { bold: true };
    t.rows.forEach((r, ri) => {
      const row = ws.addRow(Object.fromEntries(t.columns.map((c) => [c.key, cellValue(r[c.key], cellType(t, ri, c))])));
      // A row may retype a cell (a key figure's value is a count on one row, a share on the next).
      for (const [key, type] of Object.entries(t.rowTypes?.[ri] ?? {})) {
        const j = t.columns.findIndex((c) => c.key === key);
        const numFmt = type ? spreadsheetFormat(type) : undefined;
        if (j >= 0 && numFmt) row.getCell(j + 1).numFmt = numFmt;
      }
    });
    t.columns.forEach((c, j) => {
      if (c.type === 'text') ws.getColumn(j + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
