/**
 * Line- and phrase-level clean-up for text extracted from the Red Book PDF.
 * The extraction leaves Markdown-ish residue (link stubs whose targets were
 * lost, backslash escapes, bold markers), footnote superscripts, running page
 * furniture and `[illegible]` markers; every field value passes through here.
 */

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Markers that start a list item; the item keeps its own line in field values. */
export const BULLET = /^(?:[-*•▪●◦]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)/;

/** The extractor's marker for unreadable text, in the spellings tools emit. */
const ILLEGIBLE_SOURCE = String.raw`\[\s*illegible\s*\]`;
const illegible = (flags = 'i'): RegExp => new RegExp(ILLEGIBLE_SOURCE, flags);

/**
 * Splits into lines with BOM, CRLF/CR, form feeds and non-breaking spaces
 * normalised, so anchored regexes behave the same whatever produced the file.
 */
export function toLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u00AD\u200B]/g, '')
    .split('\n');
}

/**
 * Page furniture repeated by the PDF on every page: bare page numbers, the
 * running title and footnote bodies. They can land in the middle of a card, so
 * they are dropped before any segmentation happens.
 */
export function isPageArtefact(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  return (
    /^\d{1,3}$/.test(t) ||
    /^page\s+\d+(\s+of\s+\d+)?$/i.test(t) ||
    (/^\d{1,3}\s*[|·]\s*\S/.test(t) && t.length < 90 && /dialogue|red book/i.test(t)) ||
    /^(?:IDM\s+)?Red\s+Book\b.*No\.?\s*33\b.*$/i.test(t) ||
    /^INTERNATIONAL\s+DIALOGUE\s+ON\s+MIGRATION(?:\s+No\.?\s*33)?$/.test(t) ||
    /^No\.\s?33$/.test(t) ||
    new RegExp(`^[${SUPERSCRIPT_DIGITS}]+\\s+\\S`).test(t)
  );
}

/** `[label](#)` → `label`; escape-aware so `[A \(B\)](#)` keeps its parentheses. */
function stripLinks(text: string): string {
  return text
    .replace(/\[((?:\\.|[^\]\\])*)\]\(#\)/g, '$1')
    .replace(/\[((?:\\.|[^\]\\])+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\s*\(#\)/g, '');
}

/**
 * One-line clean-up applied to every piece of field text. `[illegible]` is kept
 * (normalised): it tells an editor the source itself is damaged, which silently
 * dropping it would hide.
 */
export function cleanInline(text: string): string {
  return stripLinks(text)
    .replace(/\\([\\`*_{}[\]()#+\-.!|$&%~<>])/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(new RegExp(`[${SUPERSCRIPT_DIGITS}]+`, 'g'), '')
    .replace(/\[\^\d+\]/g, '')
    .replace(illegible('gi'), '[illegible]')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

/** The report's way of saying a field has no content ("Not available yet"). */
export function isNotAvailable(value: string): boolean {
  return /^(?:not\s+(?:yet\s+)?available(?:\s+yet)?|n\/a|n\.a\.?)\.?$/i.test(value.trim());
}

/** True when nothing but `[illegible]` markers (and punctuation) is left. */
export function isOnlyIllegible(value: string): boolean {
  return illegible().test(value) && value.replace(illegible('gi'), '').replace(/[\s\p{P}]/gu, '') === '';
}

export function hasIllegible(value: string): boolean {
  return illegible().test(value);
}

/** Case, punctuation, accents and spacing removed, for comparing titles. */
export function normaliseForComparison(text: string): string {
  return cleanInline(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
