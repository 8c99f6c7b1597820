import PDFDocument from 'pdfkit';
import { localeDirection } from '@gcm/platform/pure';
import { Block, ReportDocument, RichBlock } from '../model/document.types';
import { commentaryOf, inlineText, introductionOf } from './editorial';
import { ReportText, reportText } from '../i18n/report-text';
import { formatFigure, formatValue } from './format';
import { wrapText } from './pdf-measure';
import { PdfScript } from './pdf-script';
import { PdfColumn, drawTable } from './pdf-table';
import { drawChart } from './pdf-chart';
import { PdfTags, StructOptions, StructType } from './pdf-tags';

type Doc = PDFKit.PDFDocument;
const INK = '#1a1a1a';
const MUTED = '#555555';

interface Pen {
  doc: Doc;
  script: PdfScript;
  text: ReportText;
  tags: PdfTags;
}

interface SetOptions {
  size: number;
  weight?: 'regular' | 'bold';
  color?: string;
  x?: number;
  width?: number;
  /** Addresses printed in the text: each line that holds one is tagged a Link, with a link annotation over it. */
  links?: string[];
}

/**
 * A4 PDF drawn from the model with embedded Noto fonts, in the report's
 * language: Arabic shaped and laid out right to left, Chinese and Cyrillic
 * in their own faces (see PdfScript). Text stays real text, so pdftotext and
 * screen readers extract it; the creation date is the snapshot's, which
 * keeps the bytes stable for a model. The PDF is tagged (PdfTags): the
 * catalog carries /MarkInfo, /Lang (the report language) and a structure
 * tree — Document; the title H1, section titles H2, headings H3/H4;
 * paragraphs P; lists L/LI/Lbl/LBody; tables Table/TR/TH/TD; notes and
 * footnotes Note; addresses Link — while running footers, page numbers,
 * rules, bars and the table header repeated on a new page are artifacts.
 */
export function renderPdf(model: ReportDocument): Promise<Buffer> {
  const locale = model.metadata.language;
  const when = new Date(model.metadata.snapshot.takenAt);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    pdfVersion: '1.7',
    compress: true,
    tagged: true,
    lang: locale,
    displayTitle: true,
    info: { Title: model.title, Author: 'GCM Tracker', Subject: model.subtitle ?? model.title, CreationDate: when, ModDate: when },
  });
  const pen: Pen = { doc, script: new PdfScript(doc, localeDirection(locale)), text: reportText(locale), tags: new PdfTags(doc) };
  const { tags } = pen;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  block(pen, 'H1', model.title, { size: 18, weight: 'bold' });
  if (model.subtitle) {
    doc.y += 2;
    block(pen, 'P', model.subtitle, { size: 11, color: MUTED });
  }
  const m = model.metadata;
  doc.y += 6;
  for (const c of m.cycles) block(pen, 'P', pen.text.cycleLine(c), { size: 8.5, color: MUTED });
  block(pen, 'P', pen.text.snapshotLine(m.snapshot), { size: 8.5, color: MUTED });
  doc.y += 14;

  const intro = introductionOf(model);
  if (intro.length > 0) {
    tags.within('Sect', {}, () => {
      ensureSpace(doc, 60);
      doc.y += 8;
      block(pen, 'H2', pen.text.t('editorialIntroduction'), { size: 14, weight: 'bold' });
      doc.y += 4;
      drawRich(pen, intro);
    });
  }
  for (const s of model.sections) {
    tags.within('Sect', {}, () => {
      ensureSpace(doc, 60);
      doc.y += 8;
      block(pen, 'H2', s.title, { size: 14, weight: 'bold' });
      doc.y += 4;
      drawRich(pen, commentaryOf(model, s.id));
      for (const b of s.blocks) drawBlock(pen, b);
    });
  }
  footers(pen, model.title);
  tags.end();
  doc.end();
  return done;
}

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** A text in an element of its own (a heading, a paragraph); a text with nothing to print only takes its line, no element. */
function block(pen: Pen, type: StructType, text: string, o: SetOptions, options: StructOptions = {}): void {
  if (!/\S/.test(text)) set(pen, text, o);
  else pen.tags.within(type, options, () => set(pen, text, o));
}

/**
 * Wraps a text to the width, breaking pages between lines, and moves doc.y
 * below it. Its lines are one marked sequence of the element open (PdfTags),
 * continued across a page break; a line holding an address is a Link of its
 * own, with a link annotation over it.
 */
function set(pen: Pen, text: string, o: SetOptions): void {
  const { doc, script, tags } = pen;
  const weight = o.weight ?? 'regular';
  const x = o.x ?? doc.page.margins.left;
  const width = o.width ?? contentWidth(doc);
  const lh = script.lineHeight(o.size);
  const lines = wrapText(text, width, script.measurer(weight, o.size));
  const hrefOf = (line: string) => (o.links && o.links.length > 0 ? o.links.find((l) => line.includes(l)) : undefined);
  const fit = () => {
    if (doc.y + lh > doc.page.height - doc.page.margins.bottom) tags.newPage();
  };
  const draw = (k: number) => {
    script.line(lines[k], x, doc.y, width, { weight, size: o.size, color: o.color ?? INK, continues: k < lines.length - 1 });
    doc.y += lh;
  };
  for (let i = 0; i < lines.length;) {
    const href = hrefOf(lines[i]);
    if (href !== undefined) {
      fit();
      const k = i++;
      const line = lines[k];
      const y = doc.y;
      tags.within('Link', {}, () => {
        tags.mark(() => draw(k));
        const used = Math.min(width, script.measure(line, weight, o.size));
        tags.link(script.direction === 'rtl' ? x + width - used : x, y, used, lh, href);
      });
      continue;
    }
    const from = i;
    let to = i + 1;
    while (to < lines.length && hrefOf(lines[to]) === undefined) to++;
    i = to;
    const drawRun = () => {
      for (let k = from; k < to; k++) {
        if (k > from) fit();
        draw(k);
      }
    };
    // The first line's page is chosen before the sequence opens, so no page ends with an empty one.
    fit();
    if (lines.slice(from, to).every((l) => l === '')) drawRun();
    else tags.mark(drawRun);
  }
}

function textHeight(pen: Pen, text: string, width: number, size: number): number {
  return wrapText(text, width, pen.script.measurer('regular', size)).length * pen.script.lineHeight(size);
}

function drawBlock(pen: Pen, b: Block, links: string[] = []): void {
  const { doc, script, text: rt, tags } = pen;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const rtl = script.direction === 'rtl';
  switch (b.type) {
    case 'heading':
      ensureSpace(doc, 50);
      doc.y += 5;
      block(pen, b.level === 3 ? 'H3' : 'H4', b.text, { size: b.level === 3 ? 12 : 10.5, weight: 'bold', links });
      doc.y += 2;
      return;
    case 'paragraph':
      block(pen, 'P', b.text, { size: 10, links });
      doc.y += 6;
      return;
    case 'list':
      tags.within('L', b.lang ? { lang: b.lang } : {}, () => b.items.forEach((item, i) => tags.within('LI', {}, () => {
        const h = textHeight(pen, item, width - 16, 10);
        ensureSpace(doc, h > 200 ? 40 : h);
        const y = doc.y;
        tags.leaf('Lbl', {}, () => script.line(b.ordered ? rt.ordinal(i + 1) : '•', rtl ? left + width - 14 : left, y, 14, { weight: 'regular', size: 10, color: INK }));
        doc.y = y;
        block(pen, 'LBody', item, { size: 10, x: rtl ? left : left + 16, width: width - 16, links });
        doc.y += 2;
      })));
      doc.y += 4;
      return;
    case 'note': {
      ensureSpace(doc, Math.min(textHeight(pen, b.text, width - 14, 9.5) + 8, 60));
      let y = doc.y;
      const page = doc.page;
      doc.y = y + 4;
      block(pen, 'Note', b.text, { size: 9.5, x: rtl ? left : left + 10, width: width - 14 });
      // The bar beside the note, drawn once its height is known: a note that flowed on to the next page is marked there.
      if (doc.page !== page) y = doc.page.margins.top;
      tags.artifact('Layout', () => doc.rect(rtl ? left + width - 3 : left, y, 3, doc.y + 4 - y).fill(b.tone === 'warning' ? '#b35c00' : '#005a9c'));
      doc.y += 10;
      return;
    }
    case 'key_figures':
      table(pen, null, [{ label: rt.figure, type: 'text' }, { label: rt.value, type: 'number' }, { label: rt.detail, type: 'text' }],
        b.items.map((f) => [f.label, formatFigure(f, rt.locale), f.detail ?? '']), [], b.items.map((f) => [undefined, f.href, undefined]));
      return;
    case 'table':
      if (b.rows.length === 0) {
        block(pen, 'P', rt.noneRows(b.caption), { size: 10 });
        doc.y += 6;
        return;
      }
      table(pen, b.caption, b.columns.map((c) => ({ label: c.label, type: c.type })),
        b.rows.map((r) => b.columns.map((c) => formatValue(r[c.key], c.type, rt.locale))), [],
        b.links?.map((l) => b.columns.map((c) => l[c.key])));
      return;
    case 'status_distribution': {
      const cols: PdfColumn[] = [{ label: rt.status, type: 'text' }, { label: rt.pledges, type: 'integer' }, { label: rt.share, type: 'percent' }, { label: '', type: 'bar' }];
      const rows = b.entries.map((e) => [e.label, formatValue(e.count, 'integer', rt.locale), formatValue(e.ratio, 'percent', rt.locale), '']);
      table(pen, b.caption, cols, [...rows, [rt.total, formatValue(b.total, 'integer', rt.locale), '', '']], [...b.entries.map((e) => e.ratio), null],
        [...b.entries.map((e) => [undefined, e.href]), [undefined, b.href]]);
      return;
    }
    case 'prose':
      // Citations print as bracketed numbers after the words they support, e.g. "Chile [3]".
      block(pen, 'P', b.runs.map((r) => r.text + (r.citations.length > 0 ? ` [${r.citations.join(', ')}]` : '')).join(''), { size: 10 });
      doc.y += 6;
      return;
    case 'chart':
      // Vector chart above the table that carries its numbers (pdf-chart.ts), a Figure with alt text in the tree.
      drawChart(doc, script, b, rt, (alt, draw) => tags.figure(alt, undefined, draw));
      return;
    case 'footnotes':
      for (const f of b.items) {
        ensureSpace(doc, 24);
        block(pen, 'Note', `[${f.number}] ${rt.footnote(f)}`, { size: 8.5 }, { title: String(f.number) });
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
    const links = (b.type === 'list' ? b.items.flat() : b.inlines).flatMap((i) => (i.href ? [i.href] : []));
    if (b.type === 'list') drawBlock(pen, { type: 'list', ordered: b.ordered, items: b.items.map(inlineText) }, links);
    else if (b.type === 'heading') drawBlock(pen, { type: 'heading', level: b.level, text: inlineText(b.inlines) }, links);
    else drawBlock(pen, { type: 'paragraph', text: inlineText(b.inlines) }, links);
  }
}

/** A Table element: its caption (if any) first, then the rows (drawTable). */
function table(
  pen: Pen, caption: string | null, columns: PdfColumn[], rows: string[][], ratios?: (number | null)[], links?: (string | undefined)[][],
): void {
  pen.tags.within('Table', {}, () => {
    if (caption !== null) {
      ensureSpace(pen.doc, 70);
      block(pen, 'Caption', caption, { size: 9.5, weight: 'bold' });
      pen.doc.y += 3;
    }
    drawTable(pen.doc, pen.script, pen.tags, columns, rows, ratios, links);
  });
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
    pen.tags.artifact('Pagination', () => {
      script.line(short, left, y, width, { weight: 'regular', size: 7.5, color: MUTED });
      script.line(pen.text.pageOf(i + 1, count), left, y, width, { weight: 'regular', size: 7.5, color: MUTED, align: 'end' });
    });
  }
}
