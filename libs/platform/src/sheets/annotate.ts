import ExcelJS from 'exceljs';
import type { SheetIssue } from './sheet-report';

const BAD = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;

/**
 * The uploaded workbook with each issue as a note on its cell (or on the
 * row's first cell, or the sheet's A1) and bad cells filled red, plus a
 * "Problems" sheet listing them all, so the person fixes the file they have.
 */
export async function annotateWorkbook(wb: ExcelJS.Workbook, issues: SheetIssue[]): Promise<Buffer> {
  const notes = new Map<string, string[]>();
  for (const i of issues) {
    const ws = i.sheet ? wb.getWorksheet(i.sheet) : undefined;
    if (!ws) continue;
    const address = `${i.column ?? 'A'}${i.row ?? 1}`;
    const key = `${ws.name}!${address}`;
    notes.set(key, [...(notes.get(key) ?? []), i.message]);
  }
  for (const [key, messages] of notes) {
    const [sheet, address] = key.split('!');
    const cell = wb.getWorksheet(sheet)!.getCell(address);
    cell.note = messages.join('\n');
    cell.fill = BAD;
  }
  const old = wb.getWorksheet('Problems');
  if (old) wb.removeWorksheet(old.id);
  const list = wb.addWorksheet('Problems');
  list.columns = [
    { header: 'Sheet', width: 18 }, { header: 'Row', width: 8 }, { header: 'Column', width: 10 }, { header: 'Heading', width: 24 }, { header: 'Problem', width: 90 },
  ];
  list.getRow(1).font = { bold: true };
  for (const i of issues) list.addRow([i.sheet ?? '(file)', i.row ?? '', i.column ?? '', i.heading ?? '', i.message]);
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: wb.worksheets.indexOf(list), visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook holding only the problems list, for a file that could not be opened at all. */
export async function problemsWorkbook(issues: SheetIssue[]): Promise<Buffer> {
  return annotateWorkbook(new ExcelJS.Workbook(), issues);
}
