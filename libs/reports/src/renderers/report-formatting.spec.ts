import ExcelJS from 'exceljs';
import { KeyFiguresBlock, ReportDocument } from '../model/document.types';
import { blockById, tableById } from '../testing/document-query';
import { pdfToText } from '../testing/pdf-text';
import { handMadeSummary } from '../testing/rendered.fixture';
import { annexTables, cellType } from './annex';
import { renderCsv } from './csv.renderer';
import { formatValue } from './format';
import { renderHtml } from './html.renderer';
import { renderPdf } from './pdf.renderer';
import { renderXlsx, sheetNames } from './xlsx.renderer';

describe('one formatting of values in every edition', () => {
  const doc: ReportDocument = handMadeSummary();
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
  });

  it('prints years without a thousands separator but groups quantities', () => {
    expect(formatValue(2026, 'year')).toBe('2026');
    expect(formatValue(8, 'identifier')).toBe('8');
    expect(formatValue(2026, 'integer')).toBe('2,026');
    expect(tableById(doc, 'expert-reports').columns.find((c) => c.key === 'year')?.type).toBe('year');
  });

  it('shows the expert report year as 2026 in the HTML and the PDF', async () => {
    const html = renderHtml(doc).toString('utf8');
    expect(html).toContain('<tr><th scope="row">2026</th><td>Deaths at sea and the criminalisation of rescue</td>');
    const pdf = pdfToText(await renderPdf(doc));
    expect(pdf).toMatch(/^\s*2026\s+Deaths at sea and the/m);
    // No year anywhere with a thousands separator ("2,026").
    for (const text of [html, pdf]) expect(text.match(/\b2,0\d\d\b/g)).toBeNull();
  });

  it('stores the year as a plain integer in the XLSX annex', () => {
    const ws = wb.getWorksheet(sheetNames(annexTables(doc))[annexTables(doc).findIndex((t) => t.id === 'expert-reports')])!;
    expect(ws.getCell('A1').value).toBe('Year');
    expect(ws.getCell('A2').value).toBe(2026);
    expect(ws.getCell('A2').numFmt).toBe('0');
  });

  it('stores every share of every sheet, key figures included, as the JSON ratio with a percent format', () => {
    const tables = annexTables(doc);
    const names = sheetNames(tables);
    let shares = 0;
    tables.forEach((t, i) => {
      const ws = wb.getWorksheet(names[i])!;
      t.rows.forEach((r, ri) => t.columns.forEach((c, j) => {
        if (cellType(t, ri, c) !== 'percent' || r[c.key] === null) return;
        shares++;
        const cell = ws.getRow(ri + 2).getCell(j + 1);
        expect({ sheet: names[i], column: c.key, row: ri, value: cell.value, numFmt: cell.numFmt })
          .toEqual({ sheet: names[i], column: c.key, row: ri, value: r[c.key], numFmt: '0%' });
      }));
    });
    expect(shares).toBeGreaterThan(30);
    const rate = blockById<KeyFiguresBlock>(doc, 'headline').items.find((f) => f.key === 'reportingRate')!;
    expect(rate.value).toBe(35 / 40);
    const headline = wb.getWorksheet(names[tables.findIndex((t) => t.id === 'headline')])!;
    const row = headline.getRows(2, headline.rowCount - 1)!.find((x) => x.getCell(1).value === 'reportingRate')!;
    expect([row.getCell(3).value, row.getCell(3).numFmt]).toEqual([0.875, '0%']);
    const count = headline.getRows(2, headline.rowCount - 1)!.find((x) => x.getCell(1).value === 'reportingStates')!;
    expect([count.getCell(3).value, count.getCell(3).numFmt]).toEqual([35, '#,##0']);
  });

  it('types a key figure share as percent in the tidy CSV', () => {
    const csv = renderCsv(doc).toString('utf8');
    expect(csv).toContain(`overview,headline,Overview: key figures,${blockById<KeyFiguresBlock>(doc, 'headline').items.findIndex((f) => f.key === 'reportingRate') + 1},value,Value,percent,0.875`);
  });
});
