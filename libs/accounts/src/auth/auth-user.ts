import type { Role } from '@gcm/platform';

/** The caller as the guard established it, from the database rather than the token's claims (a role change applies at once). */
export interface AuthUser {
  id: string;
  email: string;
  /** Null for an account single sign-on created and the secretariat has not yet given a role: it may only read its own profile. */
  role: Role | null;
  organisationId: string | null;
}

/** Internal: the session the access token belongs to, so sign-out can revoke it. */
export interface AuthenticatedRequestUser extends AuthUser {
  sessionId: string;
}
