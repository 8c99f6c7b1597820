import { api, query, type TokenResponse } from './client';
import type { AuditPage, InvitationView, OrganisationKind, OrganisationView, Page, UserStatus, UserView } from './account-types';
import type { Role } from '../app/session';

const v1 = '/api/v1';

export interface UserFilter {
  role?: Role | '';
  status?: UserStatus | '';
  organisationId?: string;
  q?: string;
  offset?: number;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

/** Sign-in and credentials: sent without a token. */
export const authApi = {
  signIn: (body: { email: string; password: string }) => api<TokenResponse>(`${v1}/auth/sign-in`, { method: 'POST', body, auth: 'none' }),
  acceptInvitation: (body: { token: string; password: string; name?: string }) =>
    api<TokenResponse>(`${v1}/auth/invitations/accept`, { method: 'POST', body, auth: 'none' }),
  requestReset: (email: string) => api<{ message: string }>(`${v1}/auth/password-reset/request`, { method: 'POST', body: { email }, auth: 'none' }),
  confirmReset: (body: { token: string; password: string }) => api<void>(`${v1}/auth/password-reset/confirm`, { method: 'POST', body, auth: 'none' }),
  /** `optional`: an already ended session needs no sign-in dialog to be ended. */
  signOut: () => api<void>(`${v1}/auth/sign-out`, { method: 'POST', auth: 'optional' }),
};

export const accountApi = {
  organisations: (q: { kind?: OrganisationKind | ''; q?: string; offset?: number; limit?: number }) =>
    api<Page<OrganisationView>>(`${v1}/organisations${query({ ...q })}`),
  organisation: (id: string) => api<OrganisationView>(`${v1}/organisations/${id}`),
  myOrganisation: () => api<OrganisationView>(`${v1}/organisations/mine`),
  updateMyOrganisation: (body: { contactEmail?: string | null; website?: string | null; version: number }) =>
    api<OrganisationView>(`${v1}/organisations/mine`, { method: 'PATCH', body }),
  createOrganisation: (body: { kind: string; name: string; contactEmail?: string; website?: string }) =>
    api<OrganisationView>(`${v1}/organisations`, { method: 'POST', body }),
  updateOrganisation: (id: string, body: Record<string, unknown>) =>
    api<OrganisationView>(`${v1}/organisations/${id}`, { method: 'PATCH', body }),
  users: (f: UserFilter) => api<Page<UserView>>(`${v1}/users${query({ ...f })}`),
  user: (id: string) => api<UserView>(`${v1}/users/${id}`),
  invite: (body: { email: string; name: string; role: Role; organisationId?: string }) =>
    api<InvitationView>(`${v1}/users/invitations`, { method: 'POST', body }),
  updateUser: (id: string, body: { name?: string; role?: Role; organisationId?: string | null; active?: boolean; version: number }) =>
    api<UserView>(`${v1}/users/${id}`, { method: 'PATCH', body }),
  deactivate: (id: string) => api<UserView>(`${v1}/users/${id}/deactivate`, { method: 'POST' }),
  audit: (f: AuditFilter) => api<AuditPage>(`${v1}/audit${query({ ...f, limit: 50 })}`),
};
