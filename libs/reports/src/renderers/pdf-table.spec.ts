import PDFDocument from 'pdfkit';
import { ReportDocument, TableBlock } from '../model/document.types';
import { tableById } from '../testing/document-query';
import { pdfToText, structureTree } from '../testing/pdf-text';
import { stateReportWithIndicators } from '../testing/rendered.fixture';
import { formatValue } from './format';
import { distributeWidths } from './pdf-columns';
import { wrapText } from './pdf-measure';
import { PdfScript } from './pdf-script';
import { drawTable } from './pdf-table';
import { PdfTags } from './pdf-tags';
import { renderPdf } from './pdf.renderer';

/** The pdftotext words between a table's caption and what follows it. */
function wordsOfTable(text: string, caption: string, next: string): Set<string> {
  const start = text.indexOf(caption);
  const end = text.indexOf(next, start);
  expect({ caption, start, end: end > start }).toEqual({ caption, start: expect.any(Number), end: true });
  return new Set(text.slice(start + caption.length, end).split(/\s+/).filter(Boolean));
}

const cellWords = (t: TableBlock) => [
  ...t.columns.flatMap((c) => c.label.split(/\s+/)),
  ...t.rows.flatMap((r) => t.columns.flatMap((c) => formatValue(r[c.key], c.type).split(/\s+/))),
].filter(Boolean);

describe('PDF tables of a State report with indicators, read back with pdftotext', () => {
  let doc: ReportDocument;
  let text: string;
  beforeAll(async () => {
    doc = stateReportWithIndicators();
    text = pdfToText(await renderPdf(doc));
  });

  it('shows every word of every cell whole: lines break between words, not inside them', () => {
    const indicators = tableById(doc, 'indicators');
    const shown = wordsOfTable(text, indicators.caption, 'Pledges as partner');
    expect(cellWords(indicators).filter((w) => !shown.has(w))).toEqual([]);
    for (const w of ['Direction', 'municipalities', 'decrease', 'measurement']) expect(shown).toContain(w);
    const pledges = tableById(doc, 'pledges');
    const shownPledges = wordsOfTable(text, pledges.caption, 'GCM-P-2025-00005: National');
    expect(cellWords(pledges).filter((w) => !shownPledges.has(w))).toEqual([]);
  });

  it('prints baseline, target, latest value and date of each indicator on its row', () => {
    const rows = tableById(doc, 'indicators').rows;
    expect(rows.map((r) => [r.baseline, r.target])).toEqual([[200, 50], [12, 2500], [35.5, 80]]);
    const lines = text.split('\n');
    for (const r of rows) {
      const cells = [formatValue(r.baseline, 'number'), formatValue(r.target, 'number'), formatValue(r.value, 'number'), formatValue(r.asOf, 'date')];
      const line = lines.find((l) => l.includes('GCM-P-2025-00005') && new RegExp(`\\s${cells.map((c) => c.replace(/[.]/g, '\\.')).join('\\s+')}\\s`).test(l));
      expect({ indicator: r.indicator, line }).toEqual({ indicator: r.indicator, line: expect.any(String) });
    }
    expect(text).toMatch(/\s12\s+2,500\s+1,400\s+2026-06-30\s+56%/);
  });
});

describe('table layout', () => {
  const measure = (s: string) => s.length * 5;

  it('wraps at spaces and cuts a word only when it alone is wider than the column', () => {
    expect(wrapText('Direction of travel', 50, measure)).toEqual(['Direction', 'of travel']);
    expect(wrapText('municipalities', 40, measure)).toEqual(['municipa', 'lities']);
    expect(wrapText('a\nb c', 100, measure)).toEqual(['a', 'b c']);
  });

  it('gives each column its longest word, then room by how much more its cells want', () => {
    const w = distributeWidths([{ min: 50, max: 300, fixed: false }, { min: 30, max: 30, fixed: true }, { min: 40, max: 80, fixed: false }], 200);
    expect(w[1]).toBe(30);
    expect(w[0]).toBeGreaterThan(w[2]);
    expect(w.reduce((a, b) => a + b)).toBeCloseTo(200);
    expect(w[2]).toBeGreaterThanOrEqual(40);
  });

  it('keeps numbers at their width and narrows only the widest text when even the longest words do not fit', () => {
    const w = distributeWidths([{ min: 300, max: 400, fixed: false }, { min: 40, max: 40, fixed: true }, { min: 50, max: 90, fixed: false }], 200);
    expect(w).toEqual([110, 40, 50]);
  });

  it('continues a row taller than a page on the next page, under a repeated header', async () => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 50, right: 50 }, tagged: true });
    const tags = new PdfTags(doc);
    tags.open('Table');
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    // 100 lines (under the 700-character cap on a cell); a page holds about 80.
    const tall = Array.from({ length: 100 }, (_, i) => `r${i + 1}`).join('\n');
    drawTable(doc, new PdfScript(doc, 'ltr'), tags, [{ label: 'Item', type: 'text' }, { label: 'Lines', type: 'text' }], [['first', tall], ['second', 'short']]);
    tags.end();
    doc.end();
    const pdf = await done;
    const text = pdfToText(pdf);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(page).toMatch(/^\s*Item\s+Lines\s*$/m);
    for (let i = 1; i <= 100; i++) expect(text).toMatch(new RegExp(`\\br${i}\\b`));
    expect(pages[1]).toMatch(/^\s*second\s+short\s*$/m);
    // In the structure tree the header is one row of TH, not one per page, and the tall cell is one TD holding all its lines.
    const tree = structureTree(pdf);
    expect(tree.filter((n) => n.type === 'TH').map((n) => n.text)).toEqual(['Item', 'Lines']);
    const cells = tree.filter((n) => n.type === 'TD');
    expect(cells.map((n) => n.text.split(' ')[0])).toEqual(['first', 'r1', 'second', 'short']);
    expect(cells[1].text.split(' ')).toEqual(Array.from({ length: 100 }, (_, i) => `r${i + 1}`));
    expect(tree.filter((n) => n.type === 'TR')).toHaveLength(3);
  });
});
