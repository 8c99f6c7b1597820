import { api, clean, ok, signInApi } from './client';
import type { components, operations } from './schema';

type S = components['schemas'];
export type ExtensionFilter = NonNullable<operations['ExtensionsController_list']['parameters']['query']>;

/** A reminder e-mail's links: the token (from the link's fragment) is the proof, so "inspect" and "confirm" send no session. */
export const reminderApi = {
  inspect: (token: string) => ok(signInApi.POST('/api/v1/reminder-links/inspect', { body: { token } })),
  confirm: (token: string) => ok(signInApi.POST('/api/v1/reminder-links/confirm', { body: { token } })),
  open: (token: string) => ok(api.POST('/api/v1/reminder-links/open', { body: { token } })),
};

export const extensionApi = {
  list: (q: ExtensionFilter) => ok(api.GET('/api/v1/extensions', { params: { query: clean(q) } })),
  request: (cycle: string, body: S['RequestExtensionDto']) =>
    ok(api.POST('/api/v1/cycles/{code}/extensions', { params: { path: { code: cycle } }, body })),
  grant: (id: string, body: S['GrantExtensionDto']) => ok(api.POST('/api/v1/extensions/{id}/grant', { params: { path: { id } }, body })),
  decline: (id: string, body: S['DeclineExtensionDto']) => ok(api.POST('/api/v1/extensions/{id}/decline', { params: { path: { id } }, body })),
};
