import { ChartBlock } from '../model/document.types';
import type { ReportText } from '../i18n/report-text';
import { Shape, chartValuesText, layoutChart } from './chart-layout';
import { wrapText } from './pdf-measure';
import { PdfScript } from './pdf-script';

type Doc = PDFKit.PDFDocument;
const FONT = 8;

/**
 * A chart drawn with pdfkit vector paths, its labels set through PdfScript
 * like every other text of the PDF (embedded Noto faces, Arabic shaped and
 * right to left, Chinese), so they extract with pdftotext. The chart fills
 * the content width, is kept on one page (a new page when it does not fit
 * below the cursor) and leaves doc.y below itself, so the next block (its
 * table) starts after it.
 */
export function drawChart(doc: Doc, script: PdfScript, c: ChartBlock, rt: ReportText, figure: FigureSeam): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const layout = layoutChart(c, {
    width, fontSize: FONT, rtl: script.direction === 'rtl', locale: rt.locale,
    measure: (text, size, bold) => script.measure(text, bold ? 'bold' : 'regular', size),
  });
  const titleLines = wrapText(c.title, width, script.measurer('bold', 9.5));
  const lh = script.lineHeight(9.5);
  const needed = titleLines.length * lh + 3 + layout.height + 10;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  figure(rt.t('chartAlt', { title: c.title, caption: c.tableCaption, values: chartValuesText(c, rt.locale) }), () => {
    for (const [k, line] of titleLines.entries()) {
      script.line(line, left, doc.y, width, { weight: 'bold', size: 9.5, color: '#1a1a1a', continues: k < titleLines.length - 1 });
      doc.y += lh;
    }
    doc.y += 3;
    const top = doc.y;
    for (const s of layout.shapes) drawShape(doc, script, s, left, top);
    doc.y = top + layout.height;
  });
  doc.x = left;
  doc.y += 10;
}

/**
 * The structure seam: the renderer puts the chart in one Figure element of
 * the tagged PDF's tree with the chart's text alternative (every value and
 * the table beside it) as /Alt (PdfTags.figure).
 */
export type FigureSeam = (alt: string, draw: () => void) => void;

function drawShape(doc: Doc, script: PdfScript, s: Shape, dx: number, dy: number): void {
  switch (s.kind) {
    case 'rect':
      doc.rect(dx + s.x, dy + s.y, s.w, s.h).fill(s.color);
      if (s.pattern !== 'solid') pattern(doc, s.pattern, dx + s.x, dy + s.y, s.w, s.h);
      return;
    case 'line':
      doc.save();
      if (s.dash) doc.dash(s.dash * 1.5, { space: s.dash });
      doc.moveTo(dx + s.x1, dy + s.y1).lineTo(dx + s.x2, dy + s.y2).lineWidth(s.width).strokeColor(s.color).stroke();
      doc.restore();
      return;
    case 'polyline': {
      doc.save();
      if (s.dash) doc.dash(s.dash * 1.5, { space: s.dash });
      const [first, ...rest] = s.points;
      doc.moveTo(dx + first[0], dy + first[1]);
      for (const [x, y] of rest) doc.lineTo(dx + x, dy + y);
      doc.lineWidth(s.width).lineJoin('round').strokeColor(s.color).stroke();
      doc.restore();
      return;
    }
    case 'marker': {
      const x = dx + s.x;
      const y = dy + s.y;
      if (s.marker === 'circle') doc.circle(x, y, s.r * 1.1).fill(s.color);
      else if (s.marker === 'square') doc.rect(x - s.r, y - s.r, 2 * s.r, 2 * s.r).fill(s.color);
      else doc.polygon([x, y - s.r * 1.3], [x + s.r * 1.3, y], [x, y + s.r * 1.3], [x - s.r * 1.3, y]).fill(s.color);
      return;
    }
    case 'text': {
      const x = dx + s.x;
      const y = dy + s.y;
      if (s.align === 'center') {
        const w = script.measure(s.text, s.bold ? 'bold' : 'regular', s.size);
        script.line(s.text, x + (s.width - w) / 2, y, w + 0.5, { weight: s.bold ? 'bold' : 'regular', size: s.size, color: s.color, align: 'start' });
        return;
      }
      // PdfScript aligns to the start or end of the paragraph direction; the layout says left or right.
      const align = (s.align === 'left') === (script.direction === 'ltr') ? 'start' : 'end';
      script.line(s.text, x, y, s.width, { weight: s.bold ? 'bold' : 'regular', size: s.size, color: s.color, align });
      return;
    }
  }
}

/** White hatching or dots over a bar, clipped to it: the second cue beside the colour. */
function pattern(doc: Doc, kind: 'hatch' | 'dots', x: number, y: number, w: number, h: number): void {
  doc.save();
  doc.rect(x, y, w, h).clip();
  if (kind === 'hatch') {
    for (let k = -h; k < w; k += 3.5) doc.moveTo(x + k, y + h).lineTo(x + k + h, y);
    doc.lineWidth(1).strokeColor('#ffffff').stroke();
  } else {
    for (let cy = y + 1.75; cy < y + h; cy += 3.5) for (let cx = x + 1.75; cx < x + w; cx += 3.5) doc.circle(cx, cy, 0.7);
    doc.fill('#ffffff');
  }
  doc.restore();
}
