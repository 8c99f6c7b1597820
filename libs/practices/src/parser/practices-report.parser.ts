import { isCardHeading, parseCard, CARD_HEADING } from './practice-card.parser';
import { OfficialObjectiveTitles, ParsedPractice, ParsedReport, ParsedSession, ParseWarning } from './practice.types';
import { checkObjectiveTitles, extractObjectives } from './session-objectives';
import { cleanInline, isPageArtefact, toLines } from './text-cleanup';
import { CaseDictionary, sentenceCase } from './title-case';

/**
 * Parser for IOM "International Dialogue on Migration No. 33 – Global Compact
 * for Migration implementation in practice" (text extracted from the PDF).
 *
 * Layout: three parts ("Part I. …"), seven sessions headed `1.1. Title` …
 * `3.2. Title`. A session's introduction quotes its GCM objectives in boxes,
 * then Successes / Challenges / Ways forward, then "Innovative approaches":
 * cards headed `1.1.4 UPPER-CASE TITLE (BRIEFLY REFERRED TO)`. The card list
 * ends with "Contributors and their interventions" and "Useful resources".
 */

/** `2.3. Migration, environment …`; the dot after the number distinguishes it from a card. */
const SESSION_HEADING = /^(\d)\.(\d{1,2})\.\s+([A-Z].*)$/;
const PART_HEADING = /^Part\s+[IVX]+\.?\s/;
/** Back matter of a session (or of the report) that follows its last card. */
const CARD_LIST_END = new RegExp(
  `^(?:${[
    String.raw`Contributors\s+and\s+their\s+interventions`,
    String.raw`Useful\s+resources`,
    'PANELLISTS',
    String.raw`CONTRIBUTIONS\s+FROM\s+THE\s+FLOOR`,
    String.raw`Looking\s+forward`,
    String.raw`Annex\b.*`,
  ].join('|')})$`,
  'i',
);
const REPORT_END = /^(?:Looking\s+forward|Annex\b.*)$/i;

interface SessionBlock {
  code: string;
  part: number;
  title: string;
  lines: string[];
}

function splitSessions(lines: string[]): SessionBlock[] {
  const sessions: SessionBlock[] = [];
  let current: SessionBlock | null = null;
  for (const line of lines) {
    const t = line.trim();
    const m = t.match(SESSION_HEADING);
    if (m && t.length < 200) {
      current = { code: `${m[1]}.${m[2]}`, part: Number(m[1]), title: cleanInline(m[3]), lines: [] };
      sessions.push(current);
    } else if (PART_HEADING.test(t) || REPORT_END.test(t)) {
      current = null;
    } else if (current) {
      current.lines.push(line);
    }
  }
  return sessions;
}

interface CardBlock {
  code: string;
  lines: string[];
}

/** Cuts a session body into its introduction and the raw lines of each card. */
function splitCards(lines: string[]): { intro: string[]; cards: CardBlock[] } {
  const intro: string[] = [];
  const cards: CardBlock[] = [];
  let current: CardBlock | null = null;
  let ended = false;
  lines.forEach((line, index) => {
    const t = line.trim();
    if (isCardHeading(lines, index)) {
      const m = t.match(CARD_HEADING)!;
      current = { code: `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}`, lines: [line] };
      cards.push(current);
      ended = false;
    } else if (CARD_LIST_END.test(t)) {
      ended = true;
    } else if (current && !ended) {
      current.lines.push(line);
    } else if (!current) {
      intro.push(line);
    }
  });
  return { intro, cards };
}

/**
 * Parses the whole report. Objectives are matched to `officialTitles` by
 * number; quoted titles that differ are reported in `warnings`, never fatal.
 */
export function parsePracticesReport(text: string, officialTitles: OfficialObjectiveTitles): ParsedReport {
  const lines = toLines(text).filter((line) => !isPageArtefact(line));
  const blocks = splitSessions(lines);
  const sessions: ParsedSession[] = [];
  const practices: ParsedPractice[] = [];
  const warnings: ParseWarning[] = [];
  const seenCodes = new Set<string>();
  // Headings are in capitals; the report's running text tells which words are names and acronyms.
  const cases = CaseDictionary.fromLines(lines);

  blocks.forEach((block, index) => {
    const number = index + 1;
    const { intro, cards } = splitCards(block.lines);
    const objectives = extractObjectives(intro);
    sessions.push({ number, code: block.code, part: block.part, title: block.title, objectives });
    warnings.push(...checkObjectiveTitles(number, block.code, objectives, officialTitles));

    for (const card of cards) {
      if (seenCodes.has(card.code)) {
        warnings.push({
          kind: 'duplicate_code',
          practiceCode: card.code,
          sessionNumber: number,
          message: `Practice ${card.code} appears more than once; later copy ignored`,
        });
        continue;
      }
      seenCodes.add(card.code);
      const prefix = card.code.split('.').slice(0, 2).join('.');
      if (prefix !== block.code) {
        // Kept under the session it is printed in: position beats a numbering typo.
        warnings.push({
          kind: 'session_code_mismatch',
          practiceCode: card.code,
          sessionNumber: number,
          message: `Practice ${card.code} is printed under session ${block.code}`,
        });
      }
      const parsed = parseCard(card.code, card.lines);
      warnings.push(...parsed.warnings.map((w) => ({ ...w, sessionNumber: number })));
      practices.push({
        code: card.code,
        sessionNumber: number,
        sessionCode: block.code,
        title: sentenceCase(parsed.title, cases),
        brieflyReferred: parsed.brieflyReferred,
        ...parsed.fields,
      });
    }
  });

  return { sessions, practices, warnings };
}
