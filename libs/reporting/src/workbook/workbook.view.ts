/** Answers of the cycle workbook routes (read by the Swagger plugin). */

export class WorkbookImportedUpdate {
  pledgeId: string;
  reference: string;
  updateId: string;
  editorialStatus: 'draft' | 'returned' | 'awaiting_approval' | 'submitted';
  version: number;
  /** created: a new update; updated: an existing draft or returned update changed. */
  action: 'created' | 'updated';
}

export class WorkbookImportResult {
  cycle: string;
  /** SHA-256 of the uploaded file; the same file again is answered from the first import and changes nothing. */
  sha256: string;
  /** True when this file was imported before: nothing was written this time. */
  replayed: boolean;
  created: number;
  updated: number;
  submitted: number;
  /** Rows left empty, or listed unchanged. */
  skipped: number;
  updates: WorkbookImportedUpdate[];
}
