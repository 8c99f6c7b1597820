import { joinContact, joinProse, joinSingleLine } from './field-text';
import { PRACTICE_FIELDS, PracticeField, ParseWarning } from './practice.types';
import { cleanInline, hasIllegible, isNotAvailable, isOnlyIllegible } from './text-cleanup';

/**
 * One innovative-practice card: a numbered upper-case heading followed by
 * labelled blocks (ORGANIZATION, PERIOD, GEOGRAPHICAL SCOPE, DESCRIPTION,
 * IMPACTS, LESSONS LEARNED, RESOURCES, CONTACT), each label on its own line.
 */

export interface CardFields {
  title: string;
  brieflyReferred: boolean;
  fields: Record<PracticeField, string | null>;
  warnings: ParseWarning[];
}

/** `1.2.10 TITLE`; the trailing dot some exports add after the number is tolerated. */
export const CARD_HEADING = /^(\d{1,2})\.(\d{1,2})\.(\d{1,3})\.?\s+(\S.*)$/;

/** How the report flags practices a speaker only mentioned in passing. */
const BRIEFLY = /\(?\s*briefly\s+referred\s+to\s*\)?/i;

const LABELS: [PracticeField, RegExp][] = [
  ['organisation', /^(?:lead\s+)?organi[sz]ations?(?:\s*\(s\))?/i],
  ['period', /^period(?:\s+of\s+the\s+initiative)?/i],
  ['geographicalScope', /^geographic(?:al)?\s+scope/i],
  ['description', /^(?:short\s+)?description/i],
  ['impacts', /^impacts?/i],
  ['lessonsLearned', /^lessons?\s+learn(?:ed|t)/i],
  ['resources', /^(?:useful\s+)?resources/i],
  ['contact', /^contacts?(?:\s+details)?/i],
];

export interface LabelMatch {
  field: PracticeField;
  /** Parenthesised qualifier printed after the label, e.g. "intended". */
  qualifier: string | null;
  /** Text following "LABEL:" on the same line, if the export inlined it. */
  inline: string | null;
}

/**
 * A label is recognised only as a whole line in upper case, or as "Label:" in
 * any case, so ordinary sentences that start with "Description" or "Contact"
 * are never mistaken for one.
 */
export function matchLabel(line: string): LabelMatch | null {
  const t = line.trim();
  for (const [field, re] of LABELS) {
    const m = t.match(re);
    if (!m) continue;
    const rest = t.slice(m[0].length);
    const tail = rest.match(/^\s*(?:\(([^)]*)\))?\s*(?::\s*(.*))?$/);
    if (!tail) continue;
    const hasColon = /:/.test(rest.replace(/\([^)]*\)/, ''));
    if (!hasColon && m[0] !== m[0].toUpperCase()) continue;
    return { field, qualifier: tail[1]?.trim() || null, inline: tail[2]?.trim() || null };
  }
  return null;
}

/** A heading only counts when its title is upper case or a label follows closely. */
export function isCardHeading(lines: string[], index: number): boolean {
  const m = lines[index].trim().match(CARD_HEADING);
  if (!m) return false;
  if (/[A-Z]/.test(m[4]) && !/[a-z]/.test(m[4].replace(BRIEFLY, ''))) return true;
  const next = lines.slice(index + 1).filter((l) => l.trim() !== '').slice(0, 4);
  return next.some((l) => matchLabel(l) !== null);
}

function fieldValue(field: PracticeField, lines: string[]): string {
  if (field === 'contact') return joinContact(lines);
  if (field === 'organisation' || field === 'period' || field === 'geographicalScope') return joinSingleLine(lines);
  return joinProse(lines);
}

/** Parses the lines of one card (heading line first). */
export function parseCard(code: string, lines: string[]): CardFields {
  const warnings: ParseWarning[] = [];
  const titleLines = [lines[0].trim().replace(CARD_HEADING, '$4')];
  const blocks = new Map<PracticeField, { qualifier: string | null; lines: string[] }>();
  let current: string[] | null = null;

  for (const line of lines.slice(1)) {
    const label = matchLabel(line);
    if (label) {
      const block = blocks.get(label.field) ?? { qualifier: label.qualifier, lines: [] };
      blocks.set(label.field, block);
      current = block.lines;
      if (label.inline) current.push(label.inline);
    } else if (current) {
      current.push(line);
    } else if (line.trim() !== '') {
      // Before the first label: the heading wrapped onto further lines.
      titleLines.push(line.trim());
    }
  }

  const rawTitle = cleanInline(titleLines.join(' '));
  const brieflyReferred = BRIEFLY.test(rawTitle);
  const title = cleanInline(rawTitle.replace(BRIEFLY, ' '));

  const fields = {} as Record<PracticeField, string | null>;
  for (const field of PRACTICE_FIELDS) {
    const block = blocks.get(field);
    if (!block) {
      warnings.push({ kind: 'missing_field', practiceCode: code, field, message: `Practice ${code} has no ${field} block` });
      fields[field] = null;
      continue;
    }
    const text = fieldValue(field, block.lines);
    if (hasIllegible(text)) {
      const message = `Practice ${code}: ${field} contains illegible text`;
      warnings.push({ kind: 'illegible_text', practiceCode: code, field, message });
    }
    // "Not available yet" is what the report says about this field, so it is kept as printed: a reader
    // must see that the field exists and is pending, not a card that silently lacks it.
    let value = !text || isOnlyIllegible(text) ? null : text;
    if (block.qualifier) {
      // Keeps e.g. "IMPACTS (intended)" honest: these impacts are hoped for, not achieved.
      if (value && !isNotAvailable(value)) value = `(${block.qualifier})${/^\s*-/.test(value) ? '\n' : ' '}${value}`;
      warnings.push({
        kind: 'label_qualifier',
        practiceCode: code,
        field,
        message: `Practice ${code}: ${field} label carries the qualifier "(${block.qualifier})", kept as a prefix`,
      });
    }
    fields[field] = value;
  }
  return { title, brieflyReferred, fields, warnings };
}
