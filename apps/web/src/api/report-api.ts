import { api, query } from './client';
import type { Page } from './account-types';

/** Shapes of the reports API (libs/reports runs: report-run.view.ts, report-versions.service.ts). */
export const REPORT_KINDS = ['state', 'objective', 'theme', 'region', 'round_table', 'imrf_summary'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type ReportFormat = 'json' | 'html' | 'pdf' | 'csv' | 'xlsx';

export interface ReportRun {
  id: string;
  kind: ReportKind;
  scope: string;
  cycleKey: string;
  cycles: string[];
  status: RunStatus;
  progress: number;
  error: string | null;
  attempts: number;
  parentRunId: string | null;
  versionId: string | null;
  versionNumber: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ReportVersion {
  id: string;
  kind: ReportKind;
  scope: string;
  cycleKey: string;
  cycles: string[];
  number: number;
  title: string;
  createdAt: string;
  publishedAt: string | null;
  files: { format: ReportFormat; contentType: string; size: number; sha256: string; url: string }[];
}

export interface RunFilter {
  status?: string;
  kind?: string;
  cycle?: string;
  scope?: string;
  offset?: number;
}

const v1 = '/api/v1';

export const reportApi = {
  runs: (f: RunFilter) => api<Page<ReportRun>>(`${v1}/reports/runs${query({ ...f, limit: 100 })}`),
  request: (body: { kind: ReportKind; scope?: string; cycle?: string; cycles?: string[] }) =>
    api<ReportRun & { created: boolean }>(`${v1}/reports/requests`, { method: 'POST', body }),
  retry: (id: string) => api<ReportRun>(`${v1}/reports/runs/${id}/retry`, { method: 'POST' }),
  cancel: (id: string) => api<ReportRun>(`${v1}/reports/runs/${id}/cancel`, { method: 'POST' }),
  versions: (f: { published?: boolean; kind?: string; cycle?: string; offset?: number }) =>
    api<Page<ReportVersion>>(`${v1}/reports/versions${query({ ...f, limit: 100 })}`),
  publish: (id: string) => api<ReportVersion>(`${v1}/reports/versions/${id}/publish`, { method: 'POST' }),
  /** All or none; a 409 names each refused version. */
  publishMany: (ids: string[]) => api<{ items: ReportVersion[]; total: number }>(`${v1}/reports/versions/publish`, { method: 'POST', body: { ids } }),
  /** Sets the HttpOnly cookie that lets this browser open the queue monitor's pages. */
  openMonitor: () => api<void>(`${v1}/admin/queues/session`, { method: 'POST' }),
};
