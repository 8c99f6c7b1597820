import type { Locale } from '@gcm/platform';
import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '@gcm/platform';
import type { OrganisationKind } from './entities';

/** Response shapes of the accounts API (read by the Swagger plugin; the services' SQL is typed to them). */

export class UserOrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
  countryAlpha3: string | null;
}

export class UserView {
  id: string;
  email: string;
  name: string;
  /** Null for an account single sign-on created, until the secretariat assigns a role. */
  role: Role | null;
  organisationId: string | null;
  organisation: UserOrganisationRef | null;
  /** invited: has not set a password yet; deactivated: can no longer sign in. */
  status: 'invited' | 'active' | 'deactivated';
  /** The organisation's in-country approver: the focal points' submissions wait for this user's approval. */
  isApprover: boolean;
  /** The user's own choice of language for e-mail (one of the six); null follows the organisation's. */
  language: Locale | null;
  /** The language their e-mail is written in: `language`, else the organisation's when it is one of the six, else English. */
  mailLanguage: Locale;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export class UserPage {
  items: UserView[];
  total: number;
  limit: number;
  offset: number;
}

export class OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  countryAlpha3: string | null;
  website: string | null;
  /** BCP 47 tag of the language the organisation writes in: the default language of its pledges, updates and e-mail. */
  language: string;
  /** Present only for the secretariat and the organisation's own users. */
  contactEmail?: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export class OrganisationPage {
  items: OrganisationView[];
  total: number;
  limit: number;
  offset: number;
}

export class TokenResponse {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Opaque, single use: exchange it at /auth/refresh for a new pair. */
  refreshToken: string;
  user: UserView;
}

export class InvitationView {
  user: UserView;
  expiresAt: Date;
  /** The link the invitee opens; shown to the (trusted) secretariat so it can be passed on when no mail is configured. */
  inviteUrl: string;
  /** Whether the SMTP server accepted the invitation mail. */
  mailSent: boolean;
  /** The raw token, only when NODE_ENV=test. */
  token?: string;
}

export class MessageView {
  message: string;
}

export class AuditRow {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The record before the change (null on create).' })
  before: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The record after the change, or what was refused.' })
  after: unknown;
  ip: string | null;
  correlationId: string | null;
}

export class AuditPage {
  items: AuditRow[];
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}
