import { SUB_BULLET, TOP_BULLET, cleanText, toLines } from './text.util';

export interface Commitment {
  /** Stable identifier `T{theme}.C{n}`; pledges and reports reference it, so it must not drift. */
  code: string;
  /** 1-based order of the top-level bullet within its theme. */
  position: number;
  text: string;
  subItems: string[];
}

export interface ThemeCommitments {
  number: number;
  commitments: Commitment[];
}

/** `1. Fulfill human rights obligations…` — a single digit keeps years and paragraph numbers out. */
const NUMBERED_HEADING = /^(\d)\.\s+\S/;
/** Section 1 heading; theme headings reuse the same `N. ` shape, so we start after it. */
const SECTION_START = /^1\.\s+Structure\b/i;
/**
 * Section 2 onwards (means of implementation, then an annex that repeats every
 * theme heading with reference frameworks) must never be read as commitments.
 */
const SECTION_END = /^(2\.\s+Means of implementation|3\.\s+Annex)\b/i;

interface Draft {
  text: string[];
  subItems: string[][];
}

/**
 * Only the lines of section 1 after its own heading. Without the "Structure"
 * heading we fall back to the top of the text, which is what synthetic inputs
 * and trimmed excerpts look like.
 */
function sectionOne(lines: string[]): string[] {
  const startAt = lines.findIndex((l) => SECTION_START.test(l.trim()));
  const from = startAt === -1 ? 0 : startAt + 1;
  const endAt = lines.findIndex((l, i) => i >= from && SECTION_END.test(l.trim()));
  return lines.slice(from, endAt === -1 ? lines.length : endAt);
}

/**
 * Reads the ICMPD input's five themes and the bullets under each.
 *
 * PDF extraction breaks bullets across pages, leaving the tail of a sentence on a
 * line of its own after a blank line (theme 1's detention bullet). Any non-bullet
 * line that follows a bullet is therefore treated as that bullet's continuation;
 * only a numbered heading ends the list. Paragraphs before a theme's first bullet
 * are its introduction, not commitments.
 */
export function parseCommitments(text: string): ThemeCommitments[] {
  const themes: { number: number; drafts: Draft[] }[] = [];
  let theme: { number: number; drafts: Draft[] } | null = null;
  /** Where a continuation line goes: the last bullet or sub-bullet seen in this theme. */
  let tail: string[] | null = null;

  for (const raw of sectionOne(toLines(text))) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') continue;

    const heading = NUMBERED_HEADING.exec(line);
    if (heading) {
      const number = Number(heading[1]);
      if (themes.some((t) => t.number === number)) {
        throw new Error(`ICMPD input: theme ${number} heading appears twice in section 1`);
      }
      theme = { number, drafts: [] };
      themes.push(theme);
      tail = null;
      continue;
    }
    if (!theme) continue; // section 1 preamble, before the first theme

    if (SUB_BULLET.test(line)) {
      const parent = theme.drafts[theme.drafts.length - 1];
      const item = [line.replace(SUB_BULLET, '')];
      if (parent) {
        parent.subItems.push(item);
      } else {
        // A nested bullet with no parent is an indentation glitch; keeping it as a
        // commitment loses less than dropping it.
        theme.drafts.push({ text: item, subItems: [] });
      }
      tail = item;
    } else if (TOP_BULLET.test(line)) {
      const draft: Draft = { text: [line.replace(TOP_BULLET, '')], subItems: [] };
      theme.drafts.push(draft);
      tail = draft.text;
    } else if (tail) {
      tail.push(line);
    }
    // else: an intro paragraph of the theme — context, not a commitment.
  }

  if (themes.length === 0) throw new Error('ICMPD input: no numbered theme headings found in section 1');
  return themes.map(({ number, drafts }) => {
    if (drafts.length === 0) throw new Error(`ICMPD input: theme ${number} has no bullet-point commitments`);
    return {
      number,
      commitments: drafts.map((d, i) => ({
        code: `T${number}.C${i + 1}`,
        position: i + 1,
        text: cleanText(d.text.join(' ')),
        subItems: d.subItems.map((s) => cleanText(s.join(' '))),
      })),
    };
  });
}
