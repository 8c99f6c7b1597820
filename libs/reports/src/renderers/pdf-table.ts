import { ColumnType } from '../model/document.types';
import { isNumeric } from './format';
import { columnNeed, distributeWidths } from './pdf-columns';
import { Measure, wrapText } from './pdf-measure';
import { PdfScript } from './pdf-script';
import { PdfTags } from './pdf-tags';

type Doc = PDFKit.PDFDocument;

export interface PdfColumn {
  label: string;
  type: ColumnType | 'bar';
}

const PAD = 3;
const MAX_CELL = 700;
const BAR = { min: 60, max: 110 };


interface LaidOutRow {
  lines: string[][];
  ratio: number | null;
  links?: (string | undefined)[];
}

/**
 * Draws a table that breaks across pages, repeating its header. Columns are
 * sized to their content (see distributeWidths) and cells wrap at word
 * boundaries, so a word is split only when it alone is wider than its column.
 * All cells of a row start on the same baseline, so `pdftotext -layout` gives
 * one line per row; a row taller than a page continues on the next one.
 * `ratios` feeds the bar column, if any. In a right-to-left report the
 * first column is the rightmost, text aligns right and numbers left, and
 * bars grow from the right.
 *
 * Tagged into the Table element open in `tags`: the header once as a TR of
 * TH (scope Column), each row a TR of TD, a cell's lines one marked sequence
 * per page it is on; the header repeated on a new page, the rules and the
 * bars are artifacts, the rules and bars of a page drawn together (the bar
 * column has no cell: its share is in the column before it).
 */
export function drawTable(
  doc: Doc, script: PdfScript, tags: PdfTags, columns: PdfColumn[], rows: string[][], ratios: (number | null)[] = [],
  /** Per row, per column: a URL the cell links to (a PDF link annotation over its text). */
  links: (string | undefined)[][] = [],
): void {
  const left = doc.page.margins.left;
  const total = doc.page.width - left - doc.page.margins.right;
  const rtl = script.direction === 'rtl';
  const fontSize = columns.length > 7 ? 7.5 : 8.5;
  const regular = script.measurer('regular', fontSize);
  const bold = script.measurer('bold', fontSize);
  const cells = rows.map((r) => r.map((t) => (t.length > MAX_CELL ? `${t.slice(0, MAX_CELL)}…` : t)));
  const w = distributeWidths(columns.map((c, i) => (c.type === 'bar'
    ? { ...BAR, fixed: true }
    : columnNeed(c.label, cells.map((r) => r[i]), isNumeric(c.type), regular, bold, PAD))), total);

  const lineHeight = script.lineHeight(fontSize);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const layout = (texts: string[], measure: Measure): string[][] =>
    texts.map((t, i) => (columns[i].type === 'bar' ? [''] : wrapText(t, w[i] - 2 * PAD, measure)));
  const height = (lines: string[][]) => Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * PAD;

  /**
   * The rules under the rows and the bars of the page being drawn, drawn
   * together as one artifact when the table leaves the page (one path per
   * colour and width, not one per row).
   */
  const rules: { y: number; header: boolean }[] = [];
  const bars: [number, number, number, number][] = [];
  const drawFurniture = () => {
    if (rules.length === 0 && bars.length === 0) return;
    tags.artifact('Layout', () => {
      if (bars.length > 0) {
        for (const [bx, by, bw, bh] of bars) doc.rect(bx, by, bw, bh);
        doc.fill('#005a9c');
      }
      for (const header of [true, false]) {
        const ys = rules.filter((r) => r.header === header);
        if (ys.length === 0) continue;
        for (const r of ys) doc.moveTo(left, r.y).lineTo(left + total, r.y);
        doc.lineWidth(header ? 0.9 : 0.3).strokeColor(header ? '#1a1a1a' : '#b0b0b0').stroke();
      }
    });
    rules.length = 0;
    bars.length = 0;
  };

  /**
   * Draws lines [from, to) of every cell of a row at y; the bar only with the
   * row's first line. Each cell's lines are one marked sequence of its
   * element of `tagged`; a repeated header (`tagged` null) is one artifact.
   */
  const drawLines = (row: LaidOutRow, from: number, to: number, y: number, isHeader: boolean, tagged: (PDFKit.PDFStructureElement | null)[] | null) => {
    const weight = isHeader ? 'bold' : 'regular';
    const cellsText: (() => void)[] = [];
    let x = rtl ? left + total : left;
    row.lines.forEach((lines, i) => {
      const inner = w[i] - 2 * PAD;
      const cellLeft = rtl ? x - w[i] : x;
      if (columns[i].type === 'bar') {
        if (from === 0 && row.ratio !== null && row.ratio > 0) {
          const bar = inner * Math.min(row.ratio, 1);
          bars.push([rtl ? cellLeft + PAD + inner - bar : cellLeft + PAD, y + PAD + 3, bar, fontSize - 2]);
        }
      } else {
        const align = isNumeric(columns[i].type) ? 'end' : 'start';
        const shown = lines.slice(from, to);
        // A cell with nothing printed on this page has no content here.
        if (shown.some((l) => l !== '')) {
          const draw = () => shown.forEach((line, k) => script.line(line, cellLeft + PAD, y + PAD + k * lineHeight, inner, {
            weight, size: fontSize, color: '#1a1a1a', align, continues: from + k < lines.length - 1,
          }));
          const cell = tagged?.[i];
          if (cell) tags.mark(draw, cell);
          else cellsText.push(draw);
        }
        const url = row.links?.[i];
        if (url && to > from) doc.link(cellLeft + PAD, y + PAD, inner, (to - from) * lineHeight, url);
      }
      x += rtl ? -w[i] : w[i];
    });
    if (cellsText.length > 0) tags.artifact('Pagination', () => cellsText.forEach((draw) => draw()));
    const h = (to - from) * lineHeight + 2 * PAD;
    rules.push({ y: y + h, header: isHeader });
    return h;
  };

  const header: LaidOutRow = { lines: layout(columns.map((c) => (c.type === 'bar' ? '' : c.label)), bold), ratio: null };
  const headerHeight = height(header.lines);
  let y = doc.y;
  /** A TR with one cell element per column but the bar's; ended once the row is drawn, on however many pages. */
  const rowElement = (cell: 'TH' | 'TD') => {
    tags.open('TR');
    const cells = columns.map((c) => (c.type === 'bar' ? null : tags.child(cell, cell === 'TH' ? { scope: 'Column' } : {})));
    return { cells, end: () => { cells.forEach((c) => c?.end()); tags.close(); } };
  };
  let headerTagged = false;
  const startPage = () => {
    // The header row is in the tree once; on the following pages it is page furniture.
    const tr = headerTagged ? null : rowElement('TH');
    headerTagged = true;
    y += drawLines(header, 0, header.lines.reduce((m, l) => Math.max(m, l.length), 1), y, true, tr?.cells ?? null);
    tr?.end();
  };
  const newPage = () => {
    drawFurniture();
    doc.addPage();
    y = doc.page.margins.top;
    startPage();
  };
  if (y + headerHeight + lineHeight + 2 * PAD > bottom()) newPage();
  else startPage();

  cells.forEach((r, ri) => {
    const row: LaidOutRow = { lines: layout(r, regular), ratio: ratios[ri] ?? null, links: links[ri] };
    const tr = rowElement('TD');
    const count = Math.max(1, ...row.lines.map((l) => l.length));
    const pageRoom = () => Math.floor((bottom() - y - 2 * PAD) / lineHeight);
    // A row that fits on a fresh page is never split; a taller one fills pages in turn.
    if (pageRoom() < count && count * lineHeight + 2 * PAD <= bottom() - doc.page.margins.top - headerHeight) newPage();
    let from = 0;
    while (from < count) {
      if (pageRoom() < 1) newPage();
      const to = Math.min(count, from + pageRoom());
      y += drawLines(row, from, to, y, false, tr.cells);
      from = to;
    }
    tr.end();
  });
  drawFurniture();
  doc.x = left;
  doc.y = y + 8;
}
