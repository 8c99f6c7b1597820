import type { FieldError } from '@gcm/platform';
import { DomainError } from '@gcm/platform';
import { EntityManager } from 'typeorm';
import type { PledgeContent } from '../domain/pledge-content';

/**
 * Checks of a pledge's content that need the database: partner organisations
 * exist, indicator ids are this pledge's own, a matching pledge is published.
 * Runs on the caller's transaction so it sees what that transaction sees.
 */
export async function assertContentIntegrity(
  m: EntityManager,
  content: PledgeContent,
  ctx: {
    pledgeId: string | null;
    leadOrganisationId: string;
    /** Ids the request itself named (new indicators get fresh ids and need no check). */
    claimedIndicatorIds: string[];
    /** Ids already in the working copy. */
    knownIndicatorIds: string[];
  },
): Promise<void> {
  const errors: FieldError[] = [];
  const partnerIds = content.partners.map((p) => p.organisationId).filter((id): id is string => id !== null);
  if (partnerIds.length) {
    const rows: { id: string }[] = await m.query('SELECT id FROM organisation WHERE id = ANY($1::uuid[])', [partnerIds]);
    const found = new Set(rows.map((r) => r.id));
    content.partners.forEach((p, i) => {
      if (!p.organisationId) return;
      if (!found.has(p.organisationId)) errors.push({ field: `partners.${i}.organisationId`, messages: [`Unknown organisation ${p.organisationId}`] });
      else if (p.organisationId === ctx.leadOrganisationId) {
        errors.push({ field: `partners.${i}.organisationId`, messages: ['the lead organisation cannot also be a partner'] });
      }
    });
  }
  const known = new Set(ctx.knownIndicatorIds);
  if (ctx.pledgeId && ctx.claimedIndicatorIds.some((id) => !known.has(id))) {
    const rows: { id: string }[] = await m.query('SELECT id FROM pledge_indicator WHERE pledge_id = $1', [ctx.pledgeId]);
    rows.forEach((r) => known.add(r.id));
  }
  const claimed = new Set(ctx.claimedIndicatorIds);
  content.indicators.forEach((ind, i) => {
    if (claimed.has(ind.id) && !known.has(ind.id)) {
      errors.push({ field: `indicators.${i}.id`, messages: [`${ind.id} is not an indicator of this pledge; omit the id for a new indicator`] });
    }
  });
  if (content.matchingPledgeRef) {
    const rows = await m.query(
      'SELECT 1 FROM pledge WHERE reference = $1 AND published_version IS NOT NULL AND id IS DISTINCT FROM $2::uuid',
      [content.matchingPledgeRef, ctx.pledgeId],
    );
    if (!rows.length) errors.push({ field: 'matchingPledgeRef', messages: [`No published pledge has the reference ${content.matchingPledgeRef}`] });
  }
  if (errors.length) throw DomainError.invalidFields(errors);
}
