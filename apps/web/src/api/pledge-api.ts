import { api, query } from './client';
import type { Page } from './account-types';
import type {
  Cycle, CycleStatus, Evidence, FieldChange, MyWork, PledgeListItem, PledgeStatus, PledgeView, ProgressUpdate, ReviewQueueItem,
  UpdateListItem, UpdateQueueItem, VersionSummary,
} from './workspace-types';

const v1 = '/api/v1';

/** A key per logical create, kept with the form's draft: a POST retried after a lost answer or a new sign-in creates one record. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export const pledgeApi = {
  mine: (q: { status?: PledgeStatus | ''; offset?: number } = {}) => api<Page<PledgeListItem>>(`${v1}/my/pledges${query({ ...q, limit: 100 })}`),
  get: (id: string) => api<PledgeView>(`${v1}/pledges/${id}`),
  create: (body: unknown, key: string) => api<PledgeView>(`${v1}/pledges`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  update: (id: string, body: Record<string, unknown>, version: number) =>
    api<PledgeView>(`${v1}/pledges/${id}`, { method: 'PATCH', body: { ...body, version } }),
  submit: (id: string, version: number) => api<PledgeView>(`${v1}/pledges/${id}/submit`, { method: 'POST', body: { version } }),
  withdraw: (id: string, version: number, reason: string) =>
    api<PledgeView>(`${v1}/pledges/${id}/withdraw`, { method: 'POST', body: { version, reason } }),
  versions: (id: string) => api<VersionSummary[]>(`${v1}/pledges/${id}/versions`),
  version: (id: string, n: number) => api<{ number: number; snapshot: Record<string, unknown> }>(`${v1}/pledges/${id}/versions/${n}`),
  diff: (id: string, a: number, b: number) => api<{ from: number; to: number; changes: FieldChange[] }>(`${v1}/pledges/${id}/versions/${a}/diff/${b}`),
  reviewQueue: (offset = 0) => api<Page<ReviewQueueItem>>(`${v1}/review/pledges${query({ offset, limit: 50 })}`),
  publish: (id: string, version: number, comment?: string) =>
    api<PledgeView>(`${v1}/pledges/${id}/publish`, { method: 'POST', body: { version, comment: comment || undefined } }),
  return: (id: string, version: number, comment: string) => api<PledgeView>(`${v1}/pledges/${id}/return`, { method: 'POST', body: { version, comment } }),
};

export const reportingApi = {
  myWork: () => api<MyWork>(`${v1}/my/work`),
  cycles: (status?: CycleStatus) => api<Cycle[]>(`${v1}/cycles${query({ status })}`, { fresh: true }),
  createCycle: (body: { code: string; periodStart: string; periodEnd: string; windowOpens?: string; deadline?: string }, key: string) =>
    api<Cycle>(`${v1}/cycles`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  generate: (year: number) => api<unknown>(`${v1}/cycles/generate`, { method: 'POST', body: { year } }),
  openCycle: (code: string, version: number) => api<Cycle>(`${v1}/cycles/${code}/open`, { method: 'POST', body: { version } }),
  closeCycle: (code: string, version: number) => api<Cycle>(`${v1}/cycles/${code}/close`, { method: 'POST', body: { version } }),
  updatesOf: (pledgeId: string) => api<UpdateListItem[]>(`${v1}/pledges/${pledgeId}/updates`),
  update: (id: string) => api<ProgressUpdate>(`${v1}/updates/${id}`),
  createUpdate: (pledgeId: string, body: unknown, key: string) =>
    api<ProgressUpdate>(`${v1}/pledges/${pledgeId}/updates`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  noChange: (pledgeId: string, cycle: string, key: string) =>
    api<ProgressUpdate>(`${v1}/pledges/${pledgeId}/updates/no-change`, { method: 'POST', body: { cycle }, headers: { 'Idempotency-Key': key } }),
  patchUpdate: (id: string, body: Record<string, unknown>, version: number) =>
    api<ProgressUpdate>(`${v1}/updates/${id}`, { method: 'PATCH', body: { ...body, version } }),
  submitUpdate: (id: string, version: number) => api<ProgressUpdate>(`${v1}/updates/${id}/submit`, { method: 'POST', body: { version } }),
  /** Without a version: the file is added to whatever the update holds now, so typing elsewhere in the form is not made stale. */
  upload: (id: string, file: File, title: string, key: string) => {
    const body = new FormData();
    body.set('title', title);
    body.set('file', file);
    return api<Evidence>(`${v1}/updates/${id}/evidence/files`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
  },
  removeEvidence: (id: string, evidenceId: string) => api<void>(`${v1}/updates/${id}/evidence/${evidenceId}`, { method: 'DELETE' }),
  updateQueue: (cycle?: string) => api<Page<UpdateQueueItem>>(`${v1}/review/updates${query({ cycle, limit: 50 })}`),
  validate: (id: string, version: number, comment?: string) =>
    api<unknown>(`${v1}/updates/${id}/validate`, { method: 'POST', body: { version, comment: comment || undefined } }),
  returnUpdate: (id: string, version: number, comment: string) =>
    api<unknown>(`${v1}/updates/${id}/return`, { method: 'POST', body: { version, comment } }),
};
