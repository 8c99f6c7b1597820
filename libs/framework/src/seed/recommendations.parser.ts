import { SUB_BULLET, TOP_BULLET, cleanText, toLines } from './text.util';

export interface Recommendation {
  /** Paragraph of the Secretary-General's report (A/76/642) the recommendation sits in. */
  paragraph: number;
  shortTitle: string;
  /** IOM's considerations under the recommendation, in document order. */
  considerations: string[];
}

/**
 * `Secretary-General Recommendation: <title> (paragraph 101):` — the trailing colon
 * and the spelling of "paragraph"/"para." vary between IOM briefs, so both are loose.
 */
const HEADING = /^Secretary-General\s+Recommendation\s*:\s*(.+?)\s*\(\s*para(?:graph|\.)?\s*(\d+)\s*\)\s*:?\s*$/i;

/**
 * Reads the Secretary-General recommendations an IOM brief quotes and the
 * bullet-point considerations under each.
 *
 * A recommendation's list runs until the next recommendation heading or the end
 * of the text. Blank lines between bullets are PDF noise, and a non-bullet line
 * after a bullet is the bullet's sentence continuing across a page break. Prose
 * before the first heading (the brief's narrative) is not part of any
 * recommendation.
 */
export function parseRecommendations(text: string): Recommendation[] {
  const drafts: { paragraph: number; shortTitle: string; items: string[][] }[] = [];
  let current: (typeof drafts)[number] | null = null;
  let tail: string[] | null = null;

  for (const raw of toLines(text)) {
    const line = raw.trim();
    if (line === '') continue;

    const heading = HEADING.exec(line);
    if (heading) {
      const paragraph = Number(heading[2]);
      if (drafts.some((d) => d.paragraph === paragraph)) {
        throw new Error(`IOM brief: recommendation for paragraph ${paragraph} appears twice`);
      }
      current = { paragraph, shortTitle: cleanText(heading[1]), items: [] };
      drafts.push(current);
      tail = null;
      continue;
    }
    if (!current) continue;

    // Considerations are a flat list; a nested bullet is treated as one more
    // consideration rather than being glued onto its neighbour.
    if (TOP_BULLET.test(line) || SUB_BULLET.test(raw)) {
      tail = [line.replace(TOP_BULLET, '')];
      current.items.push(tail);
    } else if (tail) {
      tail.push(line);
    }
    // else: text between a heading and its first bullet is an introduction.
  }

  if (drafts.length === 0) throw new Error('IOM brief: no "Secretary-General Recommendation: … (paragraph N)" headings found');
  return drafts.map(({ paragraph, shortTitle, items }) => {
    if (items.length === 0) throw new Error(`IOM brief: recommendation for paragraph ${paragraph} has no considerations`);
    return { paragraph, shortTitle, considerations: items.map((i) => cleanText(i.join(' '))) };
  });
}
