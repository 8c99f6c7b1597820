import { api, query } from '../../api/client';
import type { Page } from '../../api/account-types';

/** Shapes of libs/reports experts (expert-reports.service.ts PRIVATE columns). */
export type ExpertReportStatus = 'draft' | 'submitted' | 'returned' | 'published';

export interface ExpertReport {
  id: string;
  title: string;
  body: string;
  year: number;
  theme: number | null;
  objective: number | null;
  filedBy: string;
  publishedAt: string | null;
  status: ExpertReportStatus;
  version: number;
  mandate: string | null;
  /** The secretariat's note when it returned the report. */
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export interface ExpertReportInput {
  theme?: number;
  objective?: number;
  year: number;
  title: string;
  body: string;
  mandate?: string;
}

const base = '/api/v1/expert-reports';

export const expertApi = {
  mine: (offset = 0) => api<Page<ExpertReport>>(`${base}/mine${query({ offset, limit: 100 })}`, { fresh: true }),
  get: (id: string) => api<ExpertReport>(`${base}/${id}`, { fresh: true }),
  create: (body: ExpertReportInput) => api<ExpertReport>(base, { method: 'POST', body }),
  update: (id: string, version: number, body: Partial<Omit<ExpertReportInput, 'theme' | 'objective'>>) =>
    api<ExpertReport>(`${base}/${id}`, { method: 'PATCH', body: { version, ...body } }),
  submit: (id: string, version: number) => api<ExpertReport>(`${base}/${id}/submit`, { method: 'POST', body: { version } }),
};

/** Only the author's draft or returned report can change (the API answers 409 otherwise). */
export const editable = (r: ExpertReport) => r.status === 'draft' || r.status === 'returned';

/** The secretariat's side: the queue of submitted reports, publish or return with a note. */
export const expertReviewApi = {
  submitted: () => api<Page<ExpertReport>>(`${base}${query({ status: 'submitted', limit: 100 })}`, { fresh: true }),
  publish: (id: string, version: number) => api<ExpertReport>(`${base}/${id}/publish`, { method: 'POST', body: { version } }),
  return: (id: string, version: number, note: string) => api<ExpertReport>(`${base}/${id}/return`, { method: 'POST', body: { version, note } }),
};
