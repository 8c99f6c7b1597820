
import type { OrganisationView } from '../accounts.view';

export type { OrganisationView };

export const ORGANISATION_VIEW_COLUMNS = `o.id, o.kind, o.name, o.country_alpha3 AS "countryAlpha3", o.website, o.language,
  o.contact_email AS "contactEmail", o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.version`;

/** Drops the private contact unless the caller may see it. */
export function withContactIf(row: OrganisationView, visible: boolean): OrganisationView {
  if (visible) return row;
  const { contactEmail: _hidden, ...rest } = row;
  return rest;
}
