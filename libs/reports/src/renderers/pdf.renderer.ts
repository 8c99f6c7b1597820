import PDFDocument from 'pdfkit';
import { localeDirection } from '@gcm/platform/pure';
import { Block, ReportDocument, RichBlock } from '../model/document.types';
import { commentaryOf, inlineText, introductionOf } from './editorial';
import { ReportText, reportText } from '../i18n/report-text';
import { formatFigure, formatValue } from './format';
import { wrapText } from './pdf-measure';
import { PdfScript } from './pdf-script';
import { PdfColumn, drawTable } from './pdf-table';

type Doc = PDFKit.PDFDocument;
const INK = '#1a1a1a';
const MUTED = '#555555';

interface Pen {
  doc: Doc;
  script: PdfScript;
  text: ReportText;
}

interface SetOptions {
  size: number;
  weight?: 'regular' | 'bold';
  color?: string;
  x?: number;
  width?: number;
}

/**
 * A4 PDF drawn from the model with embedded Noto fonts, in the report's
 * language: Arabic shaped and laid out right to left, Chinese and Cyrillic
 * in their own faces (see PdfScript). Text stays real text, so pdftotext and
 * screen readers extract it; the creation date is the snapshot's, which
 * keeps the bytes stable for a model.
 */
export function renderPdf(model: ReportDocument): Promise<Buffer> {
  const locale = model.metadata.language;
  const when = new Date(model.metadata.snapshot.takenAt);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: locale,
    displayTitle: true,
    info: { Title: model.title, Author: 'GCM Tracker', Subject: model.subtitle ?? model.title, CreationDate: when, ModDate: when },
  });
  const pen: Pen = { doc, script: new PdfScript(doc, localeDirection(locale)), text: reportText(locale) };
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  set(pen, model.title, { size: 18, weight: 'bold' });
  if (model.subtitle) {
    doc.y += 2;
    set(pen, model.subtitle, { size: 11, color: MUTED });
  }
  const m = model.metadata;
  doc.y += 6;
  for (const c of m.cycles) set(pen, pen.text.cycleLine(c), { size: 8.5, color: MUTED });
  set(pen, pen.text.snapshotLine(m.snapshot), { size: 8.5, color: MUTED });
  doc.y += 14;

  const intro = introductionOf(model);
  if (intro.length > 0) {
    ensureSpace(doc, 60);
    doc.y += 8;
    set(pen, pen.text.t('editorialIntroduction'), { size: 14, weight: 'bold' });
    doc.y += 4;
    drawRich(pen, intro);
  }
  for (const s of model.sections) {
    ensureSpace(doc, 60);
    doc.y += 8;
    set(pen, s.title, { size: 14, weight: 'bold' });
    doc.y += 4;
    drawRich(pen, commentaryOf(model, s.id));
    for (const b of s.blocks) drawBlock(pen, b);
  }
  footers(pen, model.title);
  doc.end();
  return done;
}

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Wraps a text to the width, breaking pages between lines, and moves doc.y below it. */
function set(pen: Pen, text: string, o: SetOptions): void {
  const { doc, script } = pen;
  const weight = o.weight ?? 'regular';
  const x = o.x ?? doc.page.margins.left;
  const width = o.width ?? contentWidth(doc);
  const lh = script.lineHeight(o.size);
  for (const line of wrapText(text, width, script.measurer(weight, o.size))) {
    if (doc.y + lh > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
    }
    script.line(line, x, doc.y, width, { weight, size: o.size, color: o.color ?? INK });
    doc.y += lh;
  }
}

function textHeight(pen: Pen, text: string, width: number, size: number): number {
  return wrapText(text, width, pen.script.measurer('regular', size)).length * pen.script.lineHeight(size);
}

function drawBlock(pen: Pen, b: Block): void {
  const { doc, script, text: rt } = pen;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const rtl = script.direction === 'rtl';
  switch (b.type) {
    case 'heading':
      ensureSpace(doc, 50);
      doc.y += 5;
      set(pen, b.text, { size: b.level === 3 ? 12 : 10.5, weight: 'bold' });
      doc.y += 2;
      return;
    case 'paragraph':
      set(pen, b.text, { size: 10 });
      doc.y += 6;
      return;
    case 'list':
      b.items.forEach((item, i) => {
        const h = textHeight(pen, item, width - 16, 10);
        ensureSpace(doc, h > 200 ? 40 : h);
        const y = doc.y;
        script.line(b.ordered ? rt.ordinal(i + 1) : '•', rtl ? left + width - 14 : left, y, 14, { weight: 'regular', size: 10, color: INK });
        doc.y = y;
        set(pen, item, { size: 10, x: rtl ? left : left + 16, width: width - 16 });
        doc.y += 2;
      });
      doc.y += 4;
      return;
    case 'note': {
      ensureSpace(doc, Math.min(textHeight(pen, b.text, width - 14, 9.5) + 8, 60));
      let y = doc.y;
      const page = doc.page;
      doc.y = y + 4;
      set(pen, b.text, { size: 9.5, x: rtl ? left : left + 10, width: width - 14 });
      // The bar beside the note, drawn once its height is known: a note that flowed on to the next page is marked there.
      if (doc.page !== page) y = doc.page.margins.top;
      doc.rect(rtl ? left + width - 3 : left, y, 3, doc.y + 4 - y).fill(b.tone === 'warning' ? '#b35c00' : '#005a9c');
      doc.y += 10;
      return;
    }
    case 'key_figures':
      drawTable(doc, script, [{ label: rt.figure, type: 'text' }, { label: rt.value, type: 'number' }, { label: rt.detail, type: 'text' }],
        b.items.map((f) => [f.label, formatFigure(f, rt.locale), f.detail ?? '']));
      return;
    case 'table':
      if (b.rows.length === 0) {
        set(pen, rt.noneRows(b.caption), { size: 10 });
        doc.y += 6;
        return;
      }
      caption(pen, b.caption);
      drawTable(doc, script, b.columns.map((c) => ({ label: c.label, type: c.type })),
        b.rows.map((r) => b.columns.map((c) => formatValue(r[c.key], c.type, rt.locale))), [],
        b.links?.map((l) => b.columns.map((c) => l[c.key])));
      return;
    case 'status_distribution': {
      caption(pen, b.caption);
      const cols: PdfColumn[] = [{ label: rt.status, type: 'text' }, { label: rt.pledges, type: 'integer' }, { label: rt.share, type: 'percent' }, { label: '', type: 'bar' }];
      const rows = b.entries.map((e) => [e.label, formatValue(e.count, 'integer', rt.locale), formatValue(e.ratio, 'percent', rt.locale), '']);
      drawTable(doc, script, cols, [...rows, [rt.total, formatValue(b.total, 'integer', rt.locale), '', '']], [...b.entries.map((e) => e.ratio), null],
        [...b.entries.map((e) => [undefined, e.href]), [undefined, b.href]]);
      return;
    }
    case 'prose':
      // Citations print as bracketed numbers after the words they support, e.g. "Chile [3]".
      set(pen, b.runs.map((r) => r.text + (r.citations.length > 0 ? ` [${r.citations.join(', ')}]` : '')).join(''), { size: 10 });
      doc.y += 6;
      return;
    case 'footnotes':
      for (const f of b.items) {
        ensureSpace(doc, 24);
        set(pen, `[${f.number}] ${rt.footnote(f)}`, { size: 8.5 });
        doc.y += 2;
      }
      doc.y += 4;
      return;
  }
}

/**
 * Editorial rich text through the same block drawing as the report's own
 * text: a link prints its text followed by its address, since paper cannot
 * be clicked.
 */
function drawRich(pen: Pen, blocks: RichBlock[]): void {
  for (const b of blocks) {
    if (b.type === 'list') drawBlock(pen, { type: 'list', ordered: b.ordered, items: b.items.map(inlineText) });
    else if (b.type === 'heading') drawBlock(pen, { type: 'heading', level: b.level, text: inlineText(b.inlines) });
    else drawBlock(pen, { type: 'paragraph', text: inlineText(b.inlines) });
  }
}

function caption(pen: Pen, text: string): void {
  ensureSpace(pen.doc, 70);
  set(pen, text, { size: 9.5, weight: 'bold' });
  pen.doc.y += 3;
}

/** Title and "Page i of n" below the bottom margin of every page, drawn once all pages exist. */
function footers(pen: Pen, title: string): void {
  const { doc, script } = pen;
  const { start, count } = doc.bufferedPageRange();
  const short = title.length > 90 ? `${title.slice(0, 89)}…` : title;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 14;
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    script.line(short, left, y, width, { weight: 'regular', size: 7.5, color: MUTED });
    script.line(pen.text.pageOf(i + 1, count), left, y, width, { weight: 'regular', size: 7.5, color: MUTED, align: 'end' });
  }
}
