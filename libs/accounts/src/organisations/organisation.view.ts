import type { OrganisationKind } from '../entities';

export interface OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  countryAlpha3: string | null;
  website: string | null;
  /** Present only for the secretariat and the organisation's own users. */
  contactEmail?: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const ORGANISATION_VIEW_COLUMNS = `o.id, o.kind, o.name, o.country_alpha3 AS "countryAlpha3", o.website,
  o.contact_email AS "contactEmail", o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.version`;

/** Drops the private contact unless the caller may see it. */
export function withContactIf(row: OrganisationView, visible: boolean): OrganisationView {
  if (visible) return row;
  const { contactEmail: _hidden, ...rest } = row;
  return rest;
}
