import { api, clean, ok, publicApi, signInApi } from './client';
import type { components, operations } from './schema';

type S = components['schemas'];
export type UserFilter = NonNullable<operations['UsersController_list']['parameters']['query']>;
export type AuditFilter = NonNullable<operations['AuditController_page']['parameters']['query']>;
export type OrganisationFilter = NonNullable<operations['OrganisationsController_list']['parameters']['query']>;

/** Sign-in and credentials: sent without a token. */
export const authApi = {
  signIn: (body: S['SignInDto']) => ok(signInApi.POST('/api/v1/auth/sign-in', { body })),
  acceptInvitation: (body: S['AcceptInvitationDto']) => ok(signInApi.POST('/api/v1/auth/invitations/accept', { body })),
  requestReset: (email: string) => ok(signInApi.POST('/api/v1/auth/password-reset/request', { body: { email } })),
  confirmReset: (body: S['PasswordResetConfirmDto']) => ok(signInApi.POST('/api/v1/auth/password-reset/confirm', { body })),
  /** Without the sign-in dialog: an already ended session needs none to be ended. */
  signOut: () => ok(publicApi.POST('/api/v1/auth/sign-out')),
  /** Ends the session and, for one that came through single sign-on, names the provider's logout page. */
  ssoSignOut: () => ok(publicApi.POST('/api/v1/auth/sso/sign-out')),
  ssoProviders: () => ok(signInApi.GET('/api/v1/auth/sso/providers')),
  refresh: (refreshToken: string) => ok(signInApi.POST('/api/v1/auth/refresh', { body: { refreshToken } })),
};

/** The secretariat's single sign-on providers. */
export const ssoAdminApi = {
  list: () => ok(api.GET('/api/v1/sso-providers')),
  get: (id: string) => ok(api.GET('/api/v1/sso-providers/{id}', { params: { path: { id } } })),
  create: (body: S['CreateSsoProviderDto']) => ok(api.POST('/api/v1/sso-providers', { body })),
  update: (id: string, body: S['UpdateSsoProviderDto']) => ok(api.PATCH('/api/v1/sso-providers/{id}', { params: { path: { id } }, body })),
};

export const accountApi = {
  organisations: (q: OrganisationFilter) => ok(api.GET('/api/v1/organisations', { params: { query: clean(q) } })),
  organisation: (id: string) => ok(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
  myOrganisation: () => ok(api.GET('/api/v1/organisations/mine')),
  updateMyOrganisation: (body: S['UpdateOwnOrganisationDto']) => ok(api.PATCH('/api/v1/organisations/mine', { body })),
  createOrganisation: (body: S['CreateOrganisationDto']) => ok(api.POST('/api/v1/organisations', { body })),
  updateOrganisation: (id: string, body: S['UpdateOrganisationDto']) => ok(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body })),
  users: (f: UserFilter) => ok(api.GET('/api/v1/users', { params: { query: clean(f) } })),
  user: (id: string) => ok(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  invite: (body: S['InviteUserDto']) => ok(api.POST('/api/v1/users/invitations', { body })),
  updateUser: (id: string, body: S['UpdateUserDto']) => ok(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
  deactivate: (id: string) => ok(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } } })),
  audit: (f: AuditFilter) => ok(api.GET('/api/v1/audit', { params: { query: clean({ ...f, limit: 50 }) } })),
};
