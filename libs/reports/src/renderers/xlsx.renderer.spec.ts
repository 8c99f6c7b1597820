import ExcelJS from 'exceljs';
import { Cell } from '../model/document.types';
import { FORMULA_TITLE, handMadeSummary, hostileObjectiveReport } from '../testing/rendered.fixture';
import { annexTables } from './annex';
import { renderXlsx, sheetNames } from './xlsx.renderer';

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A cell as the JSON model holds it: dates back to ISO text, empty to null. */
function asModel(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value as Cell;
}

describe('renderXlsx, read back with exceljs', () => {
  const doc = handMadeSummary();

  it('holds every annex table of the JSON model, cell for cell, in its own sheet', async () => {
    const wb = await readBack(await renderXlsx(doc));
    const tables = annexTables(doc);
    const names = sheetNames(tables);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', ...names]);
    tables.forEach((t, i) => {
      const ws = wb.getWorksheet(names[i])!;
      expect((ws.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(t.columns.map((c) => c.label));
      const back = t.rows.map((_, r) => Object.fromEntries(t.columns.map((c, j) => [c.key, asModel(ws.getRow(r + 2).getCell(j + 1).value)])));
      expect({ sheet: names[i], rows: back }).toEqual({ sheet: names[i], rows: t.rows });
      expect(ws.rowCount).toBe(t.rows.length + 1);
    });
  });

  it('stores the exact 6/35 share for objective 8, formatted as percent', async () => {
    const wb = await readBack(await renderXlsx(doc));
    const ws = wb.getWorksheet('objective-coverage')!;
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === 8)!;
    expect(row.getCell(5).value).toBe(6);
    expect(row.getCell(6).value).toBe(6 / 35);
    expect(row.getCell(6).numFmt).toBe('0%');
  });

  it('describes the report on the About sheet', async () => {
    const about = (await readBack(await renderXlsx(doc))).getWorksheet('About')!;
    expect(about.getCell('B1').value).toBe('IMRF summary: progress reported in 2026-H1');
    const labels = about.getColumn(1).values;
    expect(labels).toEqual(expect.arrayContaining(['Cycle', 'Data as of', 'Snapshot']));
  });

  it('writes formula-like user text as neutralised text, never as a formula (as the CSV annex does)', async () => {
    const wb = await readBack(await renderXlsx(hostileObjectiveReport()));
    const values = wb.getWorksheet('pledges')!.getColumn(2).values;
    expect(values).toContain(`'${FORMULA_TITLE}`);
    expect(values).not.toContain(FORMULA_TITLE);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula))));
  });

  it('keeps sheet names within Excel rules and unique', () => {
    const names = sheetNames([{ id: 'a/very:long*table?name[with]bad\\chars' }, { id: 'dup' }, { id: 'DUP' }] as never);
    expect(names[0]).toBe('a-very-long-table-name-with-bad');
    expect(names[0].length).toBeLessThanOrEqual(31);
    expect(names.slice(1)).toEqual(['dup', 'DUP-2']);
  });
});
