import { api, clean, ok } from './client';
import type { CycleStatus, PledgeStatus } from './models';
import type { components } from './schema';

type S = components['schemas'];

/** A key per logical create, kept with the form's draft: a POST retried after a lost answer or a new sign-in creates one record. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

const idempotent = (key: string) => ({ 'Idempotency-Key': key });
/** Revalidate instead of using the browser's HTTP cache (after an edit). */
const fresh = { cache: 'no-cache' } as const;

export const pledgeApi = {
  mine: (q: { status?: PledgeStatus | ''; offset?: number } = {}) =>
    ok(api.GET('/api/v1/my/pledges', { params: { query: clean({ ...q, status: q.status || undefined, limit: 100 }) } })),
  get: (id: string) => ok(api.GET('/api/v1/pledges/{id}', { params: { path: { id } } })) as Promise<S['PledgeWorkspaceResponse']>,
  create: (body: S['CreatePledgeDto'], key: string) => ok(api.POST('/api/v1/pledges', { body, headers: idempotent(key) })),
  update: (id: string, body: Omit<S['UpdatePledgeDto'], 'version'>, version: number) =>
    ok(api.PATCH('/api/v1/pledges/{id}', { params: { path: { id } }, body: { ...body, version } })),
  submit: (id: string, version: number) => ok(api.POST('/api/v1/pledges/{id}/submit', { params: { path: { id } }, body: { version } })),
  withdraw: (id: string, version: number, reason: string) =>
    ok(api.POST('/api/v1/pledges/{id}/withdraw', { params: { path: { id } }, body: { version, reason } })),
  versions: (id: string) => ok(api.GET('/api/v1/pledges/{id}/versions', { params: { path: { id } } })),
  version: (id: string, n: number) => ok(api.GET('/api/v1/pledges/{id}/versions/{number}', { params: { path: { id, number: n } } })),
  diff: (id: string, a: number, b: number) => ok(api.GET('/api/v1/pledges/{id}/versions/{a}/diff/{b}', { params: { path: { id, a, b } } })),
  reviewQueue: (offset = 0) => ok(api.GET('/api/v1/review/pledges', { params: { query: { offset, limit: 50 } } })),
  publish: (id: string, version: number, comment?: string) =>
    ok(api.POST('/api/v1/pledges/{id}/publish', { params: { path: { id } }, body: { version, comment: comment || undefined } })),
  return: (id: string, version: number, comment: string) => ok(api.POST('/api/v1/pledges/{id}/return', { params: { path: { id } }, body: { version, comment } })),
};

export const reportingApi = {
  myWork: () => ok(api.GET('/api/v1/my/work')),
  cycles: (status?: CycleStatus) => ok(api.GET('/api/v1/cycles', { ...fresh, params: { query: clean({ status }) } })),
  createCycle: (body: S['CreateCycleDto'], key: string) => ok(api.POST('/api/v1/cycles', { body, headers: idempotent(key) })),
  generate: (year: number) => ok(api.POST('/api/v1/cycles/generate', { body: { year } })),
  openCycle: (code: string, version: number) => ok(api.POST('/api/v1/cycles/{code}/open', { params: { path: { code } }, body: { version } })),
  closeCycle: (code: string, version: number) => ok(api.POST('/api/v1/cycles/{code}/close', { params: { path: { code } }, body: { version } })),
  updatesOf: (pledgeId: string) => ok(api.GET('/api/v1/pledges/{id}/updates', { params: { path: { id: pledgeId } } })),
  update: (id: string) => ok(api.GET('/api/v1/updates/{id}', { params: { path: { id } } })),
  createUpdate: (pledgeId: string, body: S['CreateProgressUpdateDto'], key: string) =>
    ok(api.POST('/api/v1/pledges/{id}/updates', { params: { path: { id: pledgeId } }, body, headers: idempotent(key) })),
  noChange: (pledgeId: string, cycle: string, key: string) =>
    ok(api.POST('/api/v1/pledges/{id}/updates/no-change', { params: { path: { id: pledgeId } }, body: { cycle }, headers: idempotent(key) })),
  patchUpdate: (id: string, body: Omit<S['UpdateProgressUpdateDto'], 'version'>, version: number) =>
    ok(api.PATCH('/api/v1/updates/{id}', { params: { path: { id } }, body: { ...body, version } })),
  submitUpdate: (id: string, version: number) => ok(api.POST('/api/v1/updates/{id}/submit', { params: { path: { id } }, body: { version } })),
  removeEvidence: (id: string, evidenceId: string) =>
    ok(api.DELETE('/api/v1/updates/{id}/evidence/{evidenceId}', { params: { path: { id, evidenceId } } })),
  updateQueue: (cycle?: string) => ok(api.GET('/api/v1/review/updates', { params: { query: clean({ cycle, limit: 50 }) } })),
  validate: (id: string, version: number, comment?: string) =>
    ok(api.POST('/api/v1/updates/{id}/validate', { params: { path: { id } }, body: { version, comment: comment || undefined } })),
  returnUpdate: (id: string, version: number, comment: string) =>
    ok(api.POST('/api/v1/updates/{id}/return', { params: { path: { id } }, body: { version, comment } })),
};
