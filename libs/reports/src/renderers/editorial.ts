import type { ReportDocument, RichBlock, RichInline } from '../model/document.types';
import { escapeHtml } from './html.renderer';

/** One inline run as plain text: a link prints its text and its address, as the PDF and CSV need. */
export function inlineText(inlines: RichInline[]): string {
  return inlines.map((i) => (i.href && i.href !== i.text.trim() ? `${i.text} (${i.href})` : i.text)).join('');
}

/** The blocks as plain lines (CSV, search). */
export function richPlainLines(blocks: RichBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => `• ${inlineText(i)}`) : [inlineText(b.inlines)]));
}

/** Rich blocks as HTML: every text and address escaped again, links marked as leaving the report. */
export function richHtml(blocks: RichBlock[]): string {
  const inline = (inlines: RichInline[]) => inlines.map((i) => {
    let h = escapeHtml(i.text);
    if (i.em) h = `<em>${h}</em>`;
    if (i.strong) h = `<strong>${h}</strong>`;
    return i.href ? `<a href="${escapeHtml(i.href)}" rel="noopener noreferrer">${h}</a>` : h;
  }).join('');
  return blocks.map((b) => {
    if (b.type === 'heading') return `<h${b.level}>${inline(b.inlines)}</h${b.level}>`;
    if (b.type === 'paragraph') return `<p>${inline(b.inlines)}</p>`;
    const tag = b.ordered ? 'ol' : 'ul';
    return `<${tag}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${tag}>`;
  }).join('');
}

export const commentaryOf = (doc: ReportDocument, sectionId: string): RichBlock[] => doc.editorial?.commentary[sectionId] ?? [];
export const introductionOf = (doc: ReportDocument): RichBlock[] => doc.editorial?.introduction ?? [];
