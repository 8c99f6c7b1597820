import { cleanText, toLines } from './text.util';

export interface ParsedGuidingQuestion {
  objective: number;
  /** 1-based order within the objective. */
  position: number;
  text: string;
  /** True when the source lost the "Objective N" heading and the objective was inferred from the round table's order. */
  inferred: boolean;
}

const SECTION = /^\s*3\.\s*GUIDING QUESTIONS\s*$/i;
/** The next numbered top-level heading ("4. ANNEX") ends the section. */
const NEXT_SECTION = /^\s*\d+\.\s+[A-Z][A-Z ]{3,}$/;
const OBJECTIVE = /^\s*Objective\s+(\d{1,2})\s*:?\s*$/i;
const BULLET = /^\s*(?:[-•▪◦*]|\u2022)\s+/;
/** Runs of this many blank lines separate one objective's questions from the next in the extracted PDF text. */
const GAP = 3;

/**
 * Section 3 ("Guiding questions") of an IMRF round-table background note
 * (seed 003 for RT2), by objective. The PDF extraction leaves quirks the
 * parser tolerates: a running header ("LEGAL LEGAL DOCUMENTATION") before the
 * first objective, a question with no bullet (objective 4), questions wrapped
 * over lines that start with a space, and an "Objective 9" heading lost
 * altogether: a group of questions after a gap of blank lines, with no heading
 * of its own, belongs to the next objective of the round table that has no
 * heading in the section. Text is kept as the note words it (joined and
 * folded, nothing invented); the secretariat edits it from there.
 */
export function parseGuidingQuestions(text: string, roundTableObjectives: number[]): ParsedGuidingQuestion[] {
  const lines = toLines(text);
  const start = lines.findIndex((l) => SECTION.test(l));
  if (start < 0) throw new Error('no "3. Guiding questions" section');
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (NEXT_SECTION.test(line)) break;
    body.push(line);
  }
  const order = [...roundTableObjectives].sort((a, b) => a - b);
  const headed = new Set<number>();
  for (const line of body) {
    const m = OBJECTIVE.exec(line);
    if (!m) continue;
    const n = Number(m[1]);
    if (!order.includes(n)) throw new Error(`guiding questions: objective ${n} is not one of the round table's (${order.join(', ')})`);
    headed.add(n);
  }

  const out: ParsedGuidingQuestion[] = [];
  let current: number | null = null;
  let inferred = false;
  let blanks = 0;
  let open: string[] | null = null;
  const close = () => {
    if (open && current !== null) {
      const cleaned = cleanText(open.join(' '));
      if (cleaned) out.push({ objective: current, position: out.filter((q) => q.objective === current).length + 1, text: cleaned, inferred });
    }
    open = null;
  };
  for (const line of body) {
    if (line.trim() === '') {
      blanks++;
      close();
      continue;
    }
    const heading = OBJECTIVE.exec(line);
    if (heading) {
      close();
      current = Number(heading[1]);
      inferred = false;
      blanks = 0;
      continue;
    }
    if (current === null) {
      blanks = 0;
      continue;
    }
    const startsQuestion = BULLET.test(line) || open === null;
    if (startsQuestion && blanks >= GAP && out.some((q) => q.objective === current)) {
      const next: number | undefined = order.find((n) => n > (current as number) && !headed.has(n));
      const nextHeaded = order.find((n) => n > (current as number) && headed.has(n));
      if (next !== undefined && (nextHeaded === undefined || next < nextHeaded)) {
        close();
        current = next;
        inferred = true;
      }
    }
    blanks = 0;
    if (BULLET.test(line)) {
      close();
      open = [line.replace(BULLET, '')];
    } else if (open) {
      open.push(line);
    } else {
      open = [line];
    }
  }
  close();
  return out;
}
