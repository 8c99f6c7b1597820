import { neutraliseFormula } from '@gcm/platform/pure';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Cell, ColumnType, ReportDocument } from '../model/document.types';
import { reportText } from '../i18n/report-text';
import { AnnexTable, annexTables, cellType } from './annex';
import { spreadsheetFormat } from './format';

const WIDTH: Record<ColumnType, number> = { text: 40, integer: 12, number: 14, percent: 12, year: 8, identifier: 10, date: 12, boolean: 9 };

/**
 * Excel forbids []:*?/\ in sheet names and caps them at 31 characters (counted
 * in UTF-16 units, so a name is cut by whole characters); names must be unique.
 * English sheets are named by table id, as they always were; other languages
 * by the table's caption in that language.
 */
export function sheetNames(tables: AnnexTable[], about = 'about', byCaption = false): string[] {
  const used = new Set<string>([about.toLowerCase()]);
  return tables.map((t) => {
    const base = cut((byCaption ? t.caption : t.id).replace(/[[\]:*?/\\']/g, '-').trim(), 31);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${cut(base, 31 - String(n).length - 1)}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
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

/** Collects what the streaming workbook writes: the file is stored whole (report_file), but never built as a second in-memory workbook. */
class Chunks extends Writable {
  readonly parts: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.parts.push(chunk);
    done();
  }
}

/**
 * The data annex as a workbook: an "About" sheet (title, cycles, snapshot,
 * contents) and one sheet per table with real numbers. Every cell takes its
 * format from `spreadsheetFormat`: shares (key figures included) are stored as
 * the exact ratio with a percent format, so the cell equals the JSON value and
 * opens as a percentage; years are plain integers.
 * Text is written as text, never as a formula.
 * Written with exceljs's streaming writer, row by row (each row is committed
 * once written): a few times faster than building the workbook in memory
 * and then zipping it, and it keeps no cell objects of the sheets behind it.
 */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const out = new Chunks();
  const finished = new Promise<void>((resolve, reject) => out.once('finish', resolve).once('error', reject));
  const when = new Date(doc.metadata.snapshot.takenAt);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'GCM Tracker';
  wb.created = when;
  wb.modified = when;
  wb.title = doc.title;
  const tables = annexTables(doc);
  const locale = doc.metadata.language;
  const rt = reportText(locale);
  const english = locale === 'en';
  const aboutName = english ? 'About' : cut(rt.t('about'), 31);
  const names = sheetNames(tables, aboutName, !english);
  const rightToLeft = rt.dir === 'rtl';

  const about = wb.addWorksheet(aboutName, { views: [{ rightToLeft }] });
  about.columns = [{ width: 22 }, { width: 90 }];
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    return row;
  };
  if (english) {
    bold(about.addRow(['Report', neutraliseFormula(doc.title)]));
    if (doc.subtitle) about.addRow(['', neutraliseFormula(doc.subtitle)]);
    about.addRow(['Kind', doc.kind]);
    for (const c of doc.metadata.cycles) about.addRow(['Cycle', `${c.code}: ${c.periodStart} to ${c.periodEnd}, deadline ${c.deadline}`]);
    about.addRow(['Data as of', doc.metadata.snapshot.takenAt]);
    about.addRow(['Snapshot', `${doc.metadata.snapshot.id} (framework version ${doc.metadata.snapshot.frameworkVersion})`]);
  } else {
    bold(about.addRow([neutraliseFormula(doc.title)]));
    if (doc.subtitle) about.addRow([neutraliseFormula(doc.subtitle)]);
    for (const c of doc.metadata.cycles) about.addRow([rt.t('cycles'), rt.cycleItem(c)]);
    about.addRow([rt.t('dataAsOf'), rt.snapshotLine(doc.metadata.snapshot)]);
  }
  about.addRow([english ? 'Language' : rt.t('language'), locale]);
  about.addRow([]);
  bold(about.addRow(english ? ['Sheet', 'Contents'] : [rt.t('sheet'), rt.t('contents')]));
  tables.forEach((t, i) => about.addRow([names[i], neutraliseFormula(t.caption)]));
  about.commit();

  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(names[i], { views: [{ state: 'frozen', ySplit: 1, rightToLeft }] });
    // Each column's style is set before its rows, since a streamed row is written as it is committed.
    ws.columns = t.columns.map((c) => {
      const numFmt = spreadsheetFormat(c.type);
      const style: Partial<ExcelJS.Style> = { ...(numFmt ? { numFmt } : {}), ...(c.type === 'text' ? { alignment: { wrapText: true, vertical: 'top' } } : {}) };
      return { header: neutraliseFormula(c.label), key: c.key, width: WIDTH[c.type], style };
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    t.rows.forEach((r, ri) => {
      const row = ws.addRow(Object.fromEntries(t.columns.map((c) => [c.key, cellValue(r[c.key], cellType(t, ri, c))])));
      // A row may retype a cell (a key figure's value is a count on one row, a share on the next).
      for (const [key, type] of Object.entries(t.rowTypes?.[ri] ?? {})) {
        const j = t.columns.findIndex((c) => c.key === key);
        const numFmt = type ? spreadsheetFormat(type) : undefined;
        if (j >= 0 && numFmt) row.getCell(j + 1).numFmt = numFmt;
      }
      row.commit();
    });
    ws.commit();
  });
  await wb.commit();
  await finished;
  return Buffer.concat(out.parts);
}
