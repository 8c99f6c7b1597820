import { DomainError, ErrorCode } from '../errors/domain-error';

/** One problem of an uploaded sheet, where a person would look for it. */
export interface SheetIssue {
  /** Sheet name (a CSV file is one sheet named after the upload); null for the file as a whole. */
  sheet: string | null;
  /** 1-based row as the spreadsheet program numbers it; null for the sheet as a whole. */
  row: number | null;
  /** Column letter (A, B, …); null for a whole row. */
  column: string | null;
  /** Column heading, when the issue is about one column. */
  heading: string | null;
  message: string;
}

/** A1-style column letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Gathers every problem of an upload before anything is written (all or nothing), capped so a broken file cannot flood the answer. */
export class SheetReport {
  static readonly MAX_ISSUES = 500;
  readonly issues: SheetIssue[] = [];
  truncated = false;

  add(issue: Partial<SheetIssue> & { message: string }): void {
    if (this.issues.length >= SheetReport.MAX_ISSUES) {
      this.truncated = true;
      return;
    }
    this.issues.push({ sheet: null, row: null, column: null, heading: null, ...issue });
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  /** The report as the one error shape: 400 validation_failed (or another code) with `details.issues`. */
  error(message = 'The file has problems; nothing was imported', code = ErrorCode.ValidationFailed): DomainError {
    return new DomainError(code, message, { issues: this.issues, truncated: this.truncated });
  }

  throwIfAny(message?: string, code?: ErrorCode): void {
    if (!this.ok) throw this.error(message, code);
  }
}

/** Thrown once the report is full or the file cannot be read further. */
export function sheetIssues(err: unknown): SheetIssue[] | null {
  if (err instanceof DomainError && err.details && !Array.isArray(err.details) && Array.isArray(err.details.issues)) {
    return err.details.issues as SheetIssue[];
  }
  return null;
}
