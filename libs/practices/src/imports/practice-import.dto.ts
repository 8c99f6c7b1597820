import { PageLimit, PageOffset } from '@gcm/platform';

export class PracticeImportsQueryDto {
  @PageLimit(100)
  limit?: number = 20;

  @PageOffset()
  offset?: number = 0;
}

/** Something the parser noticed and kept going past, e.g. a session quoting an objective under another's title. */
export class PracticeImportWarningView {
  /** objective_title_mismatch, unknown_objective, missing_field, illegible_text, label_qualifier, session_code_mismatch, duplicate_code… */
  kind: string;
  message: string;
  sessionNumber?: number;
  objectiveNumber?: number;
  /** The title as the report prints it. */
  quoted?: string;
  /** The official title it should have been. */
  official?: string;
  practiceCode?: string;
  field?: string;
}

export class PracticeImportSummaryView {
  id: string;
  importedAt: Date;
  /** The secretariat user who asked for the run; null when the system imported at start-up. */
  requestedBy: string | null;
  requestedByName: string | null;
  sourceFile: string;
  sessions: number;
  practices: number;
  created: number;
  updated: number;
  warningCount: number;
}

export class PracticeImportView extends PracticeImportSummaryView {
  warnings: PracticeImportWarningView[];
}

export class PracticeImportPage {
  items: PracticeImportSummaryView[];
  total: number;
  limit: number;
  offset: number;
}
