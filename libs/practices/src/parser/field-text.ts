import { BULLET, cleanInline } from './text-cleanup';

/**
 * Turns the raw lines under a card label into a field value. The PDF wraps
 * lines at the column edge and breaks paragraphs at page boundaries, so line
 * structure is only meaningful where the report itself uses it: list items and
 * genuine paragraph ends.
 */

/** Ends a sentence (or a list lead-in); a paragraph ending otherwise was cut by a page break. */
const TERMINAL = /[.!?:;…"”’)\]]$/;

interface Item {
  text: string;
  bullet: boolean;
}

/** Normalises list markers so nested items keep a visible (two-space) indent. */
function bulletItem(raw: string): Item {
  const nested = /^\s+/.test(raw);
  const body = raw.trim();
  const marker = body.match(BULLET)![0].trim();
  const rest = cleanInline(body.slice(body.match(BULLET)![0].length));
  const shown = /^[-*•▪●◦]$/.test(marker) ? '-' : marker;
  return { text: `${nested ? '  ' : ''}${shown} ${rest}`.trimEnd(), bullet: true };
}

/** Groups lines into paragraphs (split on blank lines), then into list items. */
function paragraphs(lines: string[]): Item[][] {
  const result: Item[][] = [];
  let current: Item[] = [];
  for (const raw of lines) {
    if (raw.trim() === '') {
      if (current.length) result.push(current);
      current = [];
      continue;
    }
    if (BULLET.test(raw.trim())) {
      current.push(bulletItem(raw));
    } else if (current.length) {
      const last = current[current.length - 1];
      last.text = `${last.text} ${cleanInline(raw)}`;
    } else {
      current.push({ text: cleanInline(raw), bullet: false });
    }
  }
  if (current.length) result.push(current);
  return result.map((p) => p.filter((i) => i.text.replace(/^[\s\-*]+$/, '') !== ''));
}

/**
 * Prose fields (description, impacts, lessons, resources): wrapped lines are
 * re-joined, list items stay one per line, and a paragraph that stops mid-
 * sentence is glued to the next one instead of leaving a page-break hole.
 */
export function joinProse(lines: string[]): string {
  const items: Item[] = [];
  const separators: string[] = [];
  for (const para of paragraphs(lines)) {
    para.forEach((item, index) => {
      if (items.length === 0) {
        items.push(item);
        return;
      }
      const prev = items[items.length - 1];
      if (index === 0 && !item.bullet && !TERMINAL.test(prev.text)) {
        prev.text = `${prev.text} ${item.text}`;
        return;
      }
      const sameBlock = index > 0 || (item.bullet && prev.bullet);
      separators.push(sameBlock ? '\n' : '\n\n');
      items.push(item);
    });
  }
  return items.reduce((acc, item, i) => (i === 0 ? item.text : `${acc}${separators[i - 1]}${item.text}`), '');
}

/** Short fields (organisation, period, scope): one line, however the PDF wrapped it. */
export function joinSingleLine(lines: string[]): string {
  return cleanInline(lines.join(' '));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const EMAIL_LINE = new RegExp(`^${EMAIL.source}$`);
const ENDS_WITH_EMAIL = new RegExp(`${EMAIL.source}$`);

/** "Firstname [von] Lastname," — how every new person in a contact block starts. */
const PERSON_START = /^(?:[A-Z][\p{L}'’.-]*)(?:\s+(?:[A-Z][\p{L}'’.-]*|de|del|da|von|van|y))+\s*,/u;
/** A line ending like this was wrapped mid-phrase ("Ministry of" / "Foreign Affairs"). */
const DANGLING = /(?:[,/&–-]|\b(?:of|for|and|the|to|at|in|on|with))$/i;

/**
 * Contact blocks run people, roles and e-mail addresses together with no
 * separators other than line breaks, which the PDF also inserts when wrapping.
 * A line is treated as a new entry when it follows a blank line, is (or
 * follows) an e-mail address, or starts like "Name Surname," after a line that
 * does not dangle; anything else is a wrapped continuation.
 */
export function joinContact(lines: string[]): string {
  const entries: string[] = [];
  let fresh = true;
  for (const raw of lines) {
    if (raw.trim() === '') {
      fresh = true;
      continue;
    }
    const line = cleanInline(raw.replace(/^\s*[-*•]\s+/, ''));
    if (line === '') continue;
    const prev = entries[entries.length - 1];
    const isEmail = EMAIL_LINE.test(line);
    const prevEmail = prev !== undefined && ENDS_WITH_EMAIL.test(prev);
    const newPerson = PERSON_START.test(line) && !DANGLING.test(prev ?? '');
    if (fresh || isEmail || prevEmail || newPerson || BULLET.test(raw.trim())) {
      entries.push(line);
    } else {
      entries[entries.length - 1] = prev.endsWith('/') ? `${prev}${line}` : `${prev} ${line}`;
    }
    fresh = false;
  }
  return entries.join('\n');
}

/** E-mail addresses found in a contact block, in order of appearance. */
export function extractEmails(text: string | null): string[] {
  return text ? [...text.matchAll(EMAIL)].map((m) => m[0]) : [];
}
