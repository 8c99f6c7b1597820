import PDFDocument from 'pdfkit';
import { Block, ReportDocument } from '../model/document.types';
import { formatFigure, formatValue } from './format';
import { cacheTextWidths } from './pdf-measure';
import { FONT, PdfColumn, drawTable } from './pdf-table';
import { PdfTextFolder } from './pdf-text';

type Doc = PDFKit.PDFDocument;
const INK = '#1a1a1a';
const MUTED = '#555555';

/**
 * A4 PDF drawn from the model with pdfkit's standard fonts (no font files).
 * Text stays real text, so pdftotext and screen readers can extract it; the
 * creation date is the snapshot's, which keeps the bytes stable for a model.
 */
export function renderPdf(model: ReportDocument): Promise<Buffer> {
  const folder = new PdfTextFolder();
  const t = (s: string) => folder.fold(s);
  const when = new Date(model.metadata.snapshot.takenAt);
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: { Title: t(model.title), Author: 'GCM Tracker', Subject: t(model.subtitle ?? model.title), CreationDate: when, ModDate: when },
  });
  cacheTextWidths(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(FONT.bold).fontSize(18).fillColor(INK).text(t(model.title));
  if (model.subtitle) doc.moveDown(0.2).font(FONT.regular).fontSize(11).fillColor(MUTED).text(t(model.subtitle));
  const m = model.metadata;
  doc.moveDown(0.5).fontSize(8.5).fillColor(MUTED);
  for (const c of m.cycles) doc.text(t(`Cycle ${c.code}: ${c.periodStart} to ${c.periodEnd}, deadline ${c.deadline}`));
  doc.text(t(`Data as of ${m.snapshot.takenAt}; snapshot ${m.snapshot.id}, framework version ${m.snapshot.frameworkVersion}`));
  const noticeY = doc.y;
  doc.moveDown(1.5);

  for (const s of model.sections) {
    ensureSpace(doc, 60);
    doc.moveDown(0.6).font(FONT.bold).fontSize(14).fillColor(INK).text(t(s.title));
    doc.moveDown(0.3);
    for (const b of s.blocks) drawBlock(doc, b, t);
  }

  if (folder.replaced > 0) {
    doc.switchToPage(0);
    doc.font(FONT.regular).fontSize(8).fillColor('#b35c00')
      .text(`${folder.replaced} characters outside the PDF fonts are shown as "?"; the HTML and JSON editions hold the full text.`, doc.page.margins.left, noticeY + 2);
  }
  footers(doc, t(model.title));
  doc.end();
  return done;
}

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawBlock(doc: Doc, b: Block, t: (s: string) => string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.x = left;
  switch (b.type) {
    case 'heading':
      ensureSpace(doc, 50);
      doc.moveDown(0.4).font(FONT.bold).fontSize(b.level === 3 ? 12 : 10.5).fillColor(INK).text(t(b.text), { width });
      doc.moveDown(0.2);
      return;
    case 'paragraph':
      doc.font(FONT.regular).fontSize(10).fillColor(INK).text(t(b.text), { width, align: 'left' });
      doc.moveDown(0.5);
      return;
    case 'list':
      doc.font(FONT.regular).fontSize(10).fillColor(INK);
      b.items.forEach((item, i) => {
        const text = t(item);
        ensureSpace(doc, doc.heightOfString(text, { width: width - 16 }) > 200 ? 40 : doc.heightOfString(text, { width: width - 16 }));
        const y = doc.y;
        doc.text(b.ordered ? `${i + 1}.` : '•', left, y, { width: 14 });
        doc.text(text, left + 16, y, { width: width - 16 });
        doc.moveDown(0.2);
      });
      doc.x = left;
      doc.moveDown(0.3);
      return;
    case 'note': {
      doc.font(FONT.regular).fontSize(9.5);
      const text = t(b.text);
      const h = doc.heightOfString(text, { width: width - 14 }) + 8;
      ensureSpace(doc, h);
      const y = doc.y;
      doc.rect(left, y, 3, h).fill(b.tone === 'warning' ? '#b35c00' : '#005a9c');
      doc.fillColor(INK).text(text, left + 10, y + 4, { width: width - 14 });
      doc.x = left;
      doc.y = y + h + 6;
      return;
    }
    case 'key_figures':
      drawTable(doc, [{ label: 'Figure', type: 'text' }, { label: 'Value', type: 'number' }, { label: 'Detail', type: 'text' }],
        b.items.map((f) => [t(f.label), formatFigure(f), t(f.detail ?? '')]));
      return;
    case 'table':
      if (b.rows.length === 0) {
        doc.font(FONT.regular).fontSize(10).fillColor(INK).text(t(`${b.caption}: none.`), { width });
        doc.moveDown(0.5);
        return;
      }
      caption(doc, t(b.caption));
      drawTable(doc, b.columns.map((c) => ({ label: t(c.label), type: c.type })),
        b.rows.map((r) => b.columns.map((c) => t(formatValue(r[c.key], c.type)))));
      return;
    case 'status_distribution': {
      caption(doc, t(b.caption));
      const cols: PdfColumn[] = [{ label: 'Status', type: 'text' }, { label: 'Pledges', type: 'integer' }, { label: 'Share', type: 'percent' }, { label: '', type: 'bar' }];
      const rows = b.entries.map((e) => [e.label, formatValue(e.count, 'integer'), formatValue(e.ratio, 'percent'), '']);
      drawTable(doc, cols, [...rows, ['Total', formatValue(b.total, 'integer'), '', '']], [...b.entries.map((e) => e.ratio), null]);
      return;
    }
  }
}

function caption(doc: Doc, text: string): void {
  ensureSpace(doc, 70);
  doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text(text, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
  doc.moveDown(0.25);
}

/** Title and "Page i of n" below the bottom margin of every page, drawn once all pages exist. */
function footers(doc: Doc, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 18;
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
    doc.text(title.length > 90 ? `${title.slice(0, 89)}…` : title, doc.page.margins.left, y, { width: 380, lineBreak: false });
    doc.text(`Page ${i + 1} of ${count}`, doc.page.width - doc.page.margins.right - 100, y, { width: 100, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
