/**
 * Shapes produced by the IDM Red Book No. 33 parser. They are plain data so the
 * seeding code can map them onto entities without the parser knowing about the
 * database.
 */

/** Official GCM objective titles keyed by objective number (1–23). */
export type OfficialObjectiveTitles = Map<number, string> | Record<number, string>;

export interface ParsedObjectiveRef {
  number: number;
  /** The title exactly as the session box quotes it (cleaned of PDF artefacts). */
  quotedTitle: string;
}

export interface ParsedSession {
  /**
   * Ordinal 1–7 in document order. The document itself numbers sessions
   * `part.session` (1.1, 1.2, 2.1 …), which is kept in `code`; a single integer
   * is what the repository keys on, hence the ordinal.
   */
  number: number;
  /** The document's numbering, e.g. `'2.3'`. */
  code: string;
  /** Part I–III of the report, as an integer. */
  part: number;
  title: string;
  objectives: ParsedObjectiveRef[];
}

export interface ParsedPractice {
  /** Card number as printed, e.g. `'2.1.9'` (part.session.card). */
  code: string;
  /** Ordinal of the owning session (see `ParsedSession.number`). */
  sessionNumber: number;
  /** Owning session's document code, e.g. `'2.1'`. */
  sessionCode: string;
  /**
   * Heading in sentence case (the report prints it in capitals; names and
   * acronyms keep the case the report's text gives them), without the
   * "(BRIEFLY REFERRED TO)" marker.
   */
  title: string;
  brieflyReferred: boolean;
  /**
   * Field texts; null only when the card has no such block or nothing legible
   * in it. "Not available (yet)" is kept as the report prints it.
   */
  organisation: string | null;
  period: string | null;
  geographicalScope: string | null;
  description: string | null;
  impacts: string | null;
  lessonsLearned: string | null;
  resources: string | null;
  contact: string | null;
}

/** The card fields that hold text, in the order the report prints them. */
export const PRACTICE_FIELDS = [
  'organisation',
  'period',
  'geographicalScope',
  'description',
  'impacts',
  'lessonsLearned',
  'resources',
  'contact',
] as const;

export type PracticeField = (typeof PRACTICE_FIELDS)[number];

export type KnownWarningKind =
  | 'objective_title_mismatch'
  | 'unknown_objective'
  | 'missing_field'
  | 'illegible_text'
  | 'label_qualifier'
  | 'session_code_mismatch'
  | 'duplicate_code';

export interface ParseWarning {
  // `| string` keeps the union open for future kinds without breaking callers.
  kind: KnownWarningKind | (string & {});
  message: string;
  sessionNumber?: number;
  objectiveNumber?: number;
  quoted?: string;
  official?: string;
  practiceCode?: string;
  field?: PracticeField;
}

export interface ParsedReport {
  sessions: ParsedSession[];
  practices: ParsedPractice[];
  warnings: ParseWarning[];
}
