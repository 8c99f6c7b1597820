import { api, ok } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type TeamView = S['TeamView'];
export type TeamMember = S['TeamMember'];
export type ApprovalQueueItem = S['ApprovalQueueItem'];

const org = (id: string) => ({ path: { id } });

/** The organisation's team (focal points, approver, handovers) and the approver's queue. */
export const teamApi = {
  team: (id: string) => ok(api.GET('/api/v1/organisations/{id}/team', { params: org(id), cache: 'no-cache' })),
  setApprover: (id: string, userId: string | null) => ok(api.PUT('/api/v1/organisations/{id}/approver', { params: org(id), body: { userId } })),
  handoverPreview: (id: string, fromUserId: string) =>
    ok(api.GET('/api/v1/organisations/{id}/handover', { params: { ...org(id), query: { fromUserId } }, cache: 'no-cache' })),
  handover: (id: string, body: S['HandoverDto']) => ok(api.POST('/api/v1/organisations/{id}/handover', { params: org(id), body })),
  approvals: () => ok(api.GET('/api/v1/approvals', { cache: 'no-cache' })),
  approve: (id: string, version: number) => ok(api.POST('/api/v1/updates/{id}/approve', { params: { path: { id } }, body: { version } })),
  sendBack: (id: string, version: number, comment: string) =>
    ok(api.POST('/api/v1/updates/{id}/send-back', { params: { path: { id } }, body: { version, comment } })),
};
