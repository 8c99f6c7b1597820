import { ok, signInApi } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type SubscribeBody = S['SubscribeDto'];
export type ConfirmedSubscription = S['ConfirmedSubscriptionView'];

/** E-mail subscriptions: no account, no session sent; the mailed token is the proof. */
export const subscriptionsApi = {
  subscribe: (body: SubscribeBody) => ok(signInApi.POST('/api/v1/subscriptions', { body })),
  confirm: (token: string) => ok(signInApi.POST('/api/v1/subscriptions/confirm', { body: { token } })),
  unsubscribe: (token: string) => ok(signInApi.POST('/api/v1/subscriptions/unsubscribe', { body: { token } })),
};

export type CycleDigest = S['CycleDigestView'];

/** A compiled cycle's public digest. */
export const digestApi = {
  get: (cycle: string) => ok(signInApi.GET('/api/v1/digests/{code}', { params: { path: { code: cycle } } })),
};
