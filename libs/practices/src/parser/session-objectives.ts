import { OfficialObjectiveTitles, ParsedObjectiveRef, ParseWarning } from './practice.types';
import { cleanInline, normaliseForComparison } from './text-cleanup';

/**
 * Each session opens with boxes that quote the GCM objectives it covers:
 *
 *   Objective 4 of the Global Compact for Safe, Orderly and Regular Migration
 *   “Enhance availability and flexibility of pathways for regular migration.”
 *
 * Only this boxed form is read. Prose such as "Objective 8 of the Global
 * Compact for Migration – “Save lives …”" names the short compact title and is
 * commentary, not the session's list of objectives.
 */
const OBJECTIVE_BOX = new RegExp(
  String.raw`Objective\s+(\d{1,2})\s+of\s+the\s+Global\s+Compact\s+for\s+` +
    String.raw`Safe,?\s+Orderly\s+and\s+Regular\s+Migration[.:]?\s*[“"]([^”"]+)[”"]`,
  'gi',
);

/** Objectives quoted in a session's introduction, first quotation of each number wins. */
export function extractObjectives(introLines: string[]): ParsedObjectiveRef[] {
  const text = introLines.join('\n');
  const seen = new Set<number>();
  const result: ParsedObjectiveRef[] = [];
  for (const m of text.matchAll(OBJECTIVE_BOX)) {
    const number = Number(m[1]);
    if (seen.has(number)) continue;
    seen.add(number);
    result.push({ number, quotedTitle: cleanInline(m[2]).replace(/\.$/, '') });
  }
  return result;
}

function officialTitle(titles: OfficialObjectiveTitles, n: number): string | undefined {
  return titles instanceof Map ? titles.get(n) : titles[n];
}

/**
 * Objectives are identified by NUMBER; the quoted title is only checked. The
 * report is known to misquote at least one (objective 4 printed with objective
 * 5's title), and a misprint must not silently re-attach a session to another
 * objective, so a mismatch becomes a warning and the number is kept.
 */
export function checkObjectiveTitles(
  sessionNumber: number,
  sessionCode: string,
  objectives: ParsedObjectiveRef[],
  titles: OfficialObjectiveTitles,
): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  for (const { number, quotedTitle } of objectives) {
    const official = officialTitle(titles, number);
    if (official === undefined) {
      warnings.push({
        kind: 'unknown_objective',
        sessionNumber,
        objectiveNumber: number,
        quoted: quotedTitle,
        message: `Session ${sessionCode} quotes objective ${number}, which is not among the official objectives`,
      });
    } else if (normaliseForComparison(quotedTitle) !== normaliseForComparison(official)) {
      warnings.push({
        kind: 'objective_title_mismatch',
        sessionNumber,
        objectiveNumber: number,
        quoted: quotedTitle,
        official,
        message:
          `Session ${sessionCode} quotes objective ${number} as "${quotedTitle}" ` +
          `but its official title is "${official}"`,
      });
    }
  }
  return warnings;
}
