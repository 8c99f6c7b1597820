import { errors } from 'openid-client';

/** Why a single sign-on callback was refused: the sign-in page shows the matching sentence. */
export const SSO_REFUSALS = [
  'missing_state', 'state_mismatch', 'unknown_state', 'state_replayed', 'state_expired', 'provider_disabled', 'provider_unreachable',
  'provider_error', 'access_denied', 'nonce_mismatch', 'wrong_audience', 'id_token_expired', 'invalid_id_token', 'email_missing',
  'email_unverified', 'domain_not_allowed', 'no_account', 'account_deactivated', 'rate_limited',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export class SsoRefused extends Error {
  constructor(readonly reason: SsoRefusal, readonly detail: Record<string, unknown> = {}) {
    super(reason);
  }
}

/** openid-client's verdict on the callback, as one of our reasons. */
export function refusalOf(err: unknown): SsoRefused {
  if (err instanceof SsoRefused) return err;
  if (err instanceof errors.OPError) {
    return new SsoRefused(err.error === 'access_denied' ? 'access_denied' : 'provider_error', { error: err.error });
  }
  if (err instanceof errors.RPError) {
    const m = err.message;
    const reason: SsoRefusal = m.startsWith('nonce mismatch') ? 'nonce_mismatch'
      : m.startsWith('aud mismatch') || m.startsWith('azp') ? 'wrong_audience'
        : m.startsWith('JWT expired') ? 'id_token_expired'
          : m.startsWith('state mismatch') ? 'state_mismatch'
            : 'invalid_id_token';
    return new SsoRefused(reason, { check: m.split(',')[0].slice(0, 100) });
  }
  const code = (err as { code?: string; name?: string }).code ?? (err as { name?: string }).name;
  return new SsoRefused('provider_unreachable', { error: String(code ?? 'error').slice(0, 60) });
}
