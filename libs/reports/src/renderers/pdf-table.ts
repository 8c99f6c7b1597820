import { ColumnType } from '../model/document.types';

type Doc = PDFKit.PDFDocument;

export interface PdfColumn {
  label: string;
  type: ColumnType | 'bar';
}

const FIXED: Partial<Record<PdfColumn['type'], number>> = { integer: 40, number: 48, percent: 40, date: 52, boolean: 30, bar: 110 };
const PAD = 3;
const MAX_CELL = 700;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/**
 * Every column is at least as wide as its longest word (header included), so
 * words never break mid-way; text columns then share what is left by how much
 * more their longest cell wants. Only when even the minima do not fit is
 * everything scaled down.
 */
function widths(doc: Doc, columns: PdfColumn[], rows: string[][], total: number, fontSize: number): number[] {
  const sample = rows.slice(0, 300);
  const measure = (text: string, bold: boolean) => doc.font(bold ? FONT.bold : FONT.regular).fontSize(fontSize).widthOfString(text);
  const longestWord = (text: string, bold: boolean) => Math.max(0, ...text.split(/\s+/).map((w) => measure(w, bold)));
  const min = columns.map((c, i) => Math.min(
    Math.max(FIXED[c.type] ?? 0, longestWord(c.label, true), ...sample.map((r) => longestWord(r[i], false))) + 2 * PAD, 140));
  const want = columns.map((c, i) => (FIXED[c.type] ? min[i] : Math.min(Math.max(min[i], ...sample.map((r) => measure(r[i], false) + 2 * PAD)), 320)));
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= total) return min.map((x) => (x * total) / minSum);
  const extra = want.map((w, i) => w - min[i]);
  const extraSum = extra.reduce((a, b) => a + b, 0);
  const spare = total - minSum;
  if (extraSum === 0) return min.map((x) => x + spare / min.length);
  // Text columns take the spare room in proportion to their wish; any left over goes to them evenly.
  const grown = min.map((x, i) => x + Math.min(extra[i], (spare * extra[i]) / extraSum));
  const left = total - grown.reduce((a, b) => a + b, 0);
  const textCols = columns.filter((c) => !FIXED[c.type]).length || columns.length;
  return grown.map((x, i) => x + (FIXED[columns[i].type] && textCols !== columns.length ? 0 : left / textCols));
}

/**
 * Draws a table that breaks across pages, repeating its header. All cells of a
 * row start on the same baseline, so `pdftotext -layout` gives one line per
 * row. `ratios` feeds the bar column, if any.
 */
export function drawTable(doc: Doc, columns: PdfColumn[], rows: string[][], ratios: (number | null)[] = []): void {
  const left = doc.page.margins.left;
  const total = doc.page.width - left - doc.page.margins.right;
  const fontSize = columns.length > 7 ? 7.5 : 8.5;
  const cells = rows.map((r) => r.map((t) => (t.length > MAX_CELL ? `${t.slice(0, MAX_CELL)}…` : t)));
  const w = widths(doc, columns, cells, total, fontSize);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const align = (c: PdfColumn) => (c.type === 'integer' || c.type === 'number' || c.type === 'percent' ? 'right' : 'left');

  const rowHeight = (texts: string[], bold: boolean) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(fontSize);
    return Math.max(...texts.map((t, i) => (columns[i].type === 'bar' ? fontSize : doc.heightOfString(t || ' ', { width: w[i] - 2 * PAD })))) + 2 * PAD;
  };
  const drawRow = (texts: string[], y: number, bold: boolean, ratio: number | null, h: number) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(fontSize).fillColor('#1a1a1a');
    let x = left;
    texts.forEach((t, i) => {
      if (columns[i].type === 'bar') {
        if (!bold && ratio !== null && ratio > 0) doc.rect(x + PAD, y + PAD + 1, (w[i] - 2 * PAD) * Math.min(ratio, 1), fontSize - 2).fill('#005a9c');
        doc.fillColor('#1a1a1a');
      } else {
        doc.text(t, x + PAD, y + PAD, { width: w[i] - 2 * PAD, align: align(columns[i]), lineBreak: true });
      }
      x += w[i];
    });
    doc.moveTo(left, y + h).lineTo(left + total, y + h).lineWidth(bold ? 0.9 : 0.3).strokeColor(bold ? '#1a1a1a' : '#b0b0b0').stroke();
  };
  const header = columns.map((c) => (c.type === 'bar' ? '' : c.label));
  const headerHeight = rowHeight(header, true);
  let y = doc.y;
  const newPage = () => {
    doc.addPage();
    y = doc.page.margins.top;
    drawRow(header, y, true, null, headerHeight);
    y += headerHeight;
  };
  if (y + headerHeight + 2 * fontSize > bottom()) newPage();
  else {
    drawRow(header, y, true, null, headerHeight);
    y += headerHeight;
  }
  cells.forEach((r, i) => {
    const h = rowHeight(r, false);
    if (y + h > bottom()) newPage();
    drawRow(r, y, false, ratios[i] ?? null, h);
    y += h;
  });
  doc.x = left;
  doc.y = y + 8;
}
