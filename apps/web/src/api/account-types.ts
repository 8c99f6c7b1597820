import type { Role, SessionUser } from '../app/session';

/** Shapes of the accounts API (libs/accounts: user.view.ts, organisation.view.ts, invitations.service.ts, audit-query.service.ts). */
export type UserStatus = 'invited' | 'active' | 'deactivated';

export interface UserView extends SessionUser {
  status: UserStatus;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const ORGANISATION_KINDS = ['state', 'un_entity', 'civil_society', 'private_sector', 'academia', 'local_authority', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  countryAlpha3: string | null;
  website: string | null;
  contactEmail?: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface InvitationView {
  user: UserView;
  expiresAt: string;
  inviteUrl: string;
  mailSent: boolean;
}

export interface AuditRow {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: Role | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  correlationId: string | null;
}

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
}
