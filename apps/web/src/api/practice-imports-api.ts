import { ApiError, api } from './client';

export interface PracticeImportWarning {
  kind: string;
  message: string;
  sessionNumber?: number;
  objectiveNumber?: number;
  quoted?: string;
  official?: string;
  practiceCode?: string;
  field?: string;
}

export interface PracticeImportSummary {
  id: string;
  importedAt: string;
  requestedBy: string | null;
  requestedByName: string | null;
  sourceFile: string;
  sessions: number;
  practices: number;
  created: number;
  updated: number;
  warningCount: number;
}

export interface PracticeImport extends PracticeImportSummary {
  warnings: PracticeImportWarning[];
}

const base = '/api/v1/practices/imports';

/** The secretariat's view of the practices import runs and what the parser warned about. */
export const practiceImportsApi = {
  runs: () => api<{ items: PracticeImportSummary[]; total: number }>(`${base}?limit=20`, { fresh: true }),
  /** The newest run, or null before the first import. */
  latest: () =>
    api<PracticeImport>(`${base}/latest`, { fresh: true }).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }),
  run: (id: string) => api<PracticeImport>(`${base}/${encodeURIComponent(id)}`, { fresh: true }),
};
