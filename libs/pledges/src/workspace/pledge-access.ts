import type { AuthUser } from '@gcm/accounts';
import { DomainError, ErrorCode } from '@gcm/platform';

/** The organisation a focal point acts for; anyone else may not author pledges or updates. */
export function authorOrganisation(user: AuthUser): string {
  if (user.role !== 'focal_point' || !user.organisationId) {
    throw new DomainError(ErrorCode.Forbidden, 'Only a focal point of an organisation can author pledges and progress updates');
  }
  return user.organisationId;
}

/** The owner organisation's focal points and the secretariat see a pledge's working copy and reviews. */
export function seesWorkingCopy(user: AuthUser | null | undefined, leadOrganisationId: string): boolean {
  if (!user) return false;
  return user.role === 'secretariat' || (user.role === 'focal_point' && user.organisationId === leadOrganisationId);
}

/** Owner organisation's focal points only: what they may change. */
export function ownsPledge(user: AuthUser, leadOrganisationId: string): boolean {
  return user.role === 'focal_point' && user.organisationId === leadOrganisationId;
}
