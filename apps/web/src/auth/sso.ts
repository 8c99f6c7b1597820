import type { components } from '../api/schema';

/** The reasons the API's callback gives in `/sign-in?sso_error=…` (libs/accounts/src/sso/sso-refusal.ts). */
export type SsoRefusalCode =
  | 'missing_state' | 'state_mismatch' | 'unknown_state' | 'state_replayed' | 'state_expired' | 'provider_disabled'
  | 'provider_unreachable' | 'provider_error' | 'access_denied' | 'nonce_mismatch' | 'wrong_audience' | 'id_token_expired'
  | 'invalid_id_token' | 'email_missing' | 'email_unverified' | 'domain_not_allowed' | 'no_account' | 'account_deactivated'
  | 'rate_limited';

export type SsoProviderOption = components['schemas']['SsoProviderOption'];
