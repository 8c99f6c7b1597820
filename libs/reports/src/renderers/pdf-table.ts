import { ColumnType } from '../model/document.types';

type Doc = PDFKit.PDFDocument;

export interface PdfColumn {
  label: string;
  type: ColumnType | 'bar';
}

const FIXED: Partial<Record<PdfColumn['type'], number>> = { integer: 52, number: 58, percent: 50, date: 60, boolean: 40, bar: 110 };
const PAD = 3;
const MAX_CELL = 700;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/** Numbers get narrow fixed columns; text columns share the rest by their longest content. */
function widths(doc: Doc, columns: PdfColumn[], rows: string[][], total: number): number[] {
  const fixed = columns.map((c) => FIXED[c.type] ?? 0);
  const flexible = columns.map((c, i) => (FIXED[c.type] ? 0 : Math.max(6, ...rows.slice(0, 200).map((r) => Math.min(r[i].length, 120)), c.label.length)));
  const rest = Math.max(total - fixed.reduce((a, b) => a + b, 0), 60);
  const weight = flexible.reduce((a, b) => a + b, 0) || 1;
  const w = columns.map((_, i) => fixed[i] || (rest * flexible[i]) / weight);
  const scale = total / w.reduce((a, b) => a + b, 0);
  return w.map((x) => x * scale);
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
  const w = widths(doc, columns, rows, total);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const align = (c: PdfColumn) => (c.type === 'integer' || c.type === 'number' || c.type === 'percent' ? 'right' : 'left');
  const cells = rows.map((r) => r.map((t) => (t.length > MAX_CELL ? `${t.slice(0, MAX_CELL)}…` : t)));

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
