import { DomainError } from '@gcm/platform';
import { EntityManager } from 'typeorm';
import { Pledge } from '../entities/pledge.entity';
import type { PledgeReviewEntry, PledgeWorkspaceResponse } from './pledge-workspace-response.view';

/** The working copy with its review history: the response class the spec describes is the one shape. */
export type PledgeWorkspaceView = PledgeWorkspaceResponse;

export async function loadPledge(m: EntityManager, id: string): Promise<Pledge> {
  const row = await m.findOneBy(Pledge, { id });
  if (!row) throw DomainError.notFound('Pledge');
  return row;
}

/** Four set-based reads whatever the pledge's size. */
export async function loadWorkspaceView(m: EntityManager, id: string, row?: Pledge): Promise<PledgeWorkspaceView> {
  const p = row ?? (await loadPledge(m, id));
  const [org] = await m.query('SELECT id, name FROM organisation WHERE id = $1', [p.leadOrganisationId]);
  const reviews: PledgeReviewEntry[] = await m.query(
    `SELECT version_number AS "versionNumber", decision, comment, created_at AS "createdAt"
     FROM pledge_review WHERE pledge_id = $1 ORDER BY created_at, id`,
    [id],
  );
  const [{ latest }] = await m.query('SELECT max(number) AS latest FROM pledge_version WHERE pledge_id = $1', [id]);
  return {
    id: p.id,
    reference: p.reference,
    leadOrganisation: { id: org.id, name: org.name },
    status: p.status,
    version: p.version,
    implementationStatus: p.implementationStatus,
    latestVersion: latest,
    publishedVersion: p.publishedVersion,
    firstPublishedAt: p.firstPublishedAt,
    publishedAt: p.publishedAt,
    withdrawnAt: p.withdrawnAt,
    withdrawnReason: p.withdrawnReason,
    ...p.working,
    contact: p.contactEmail || p.contactName ? { name: p.contactName, email: p.contactEmail } : null,
    reviews,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    submittedAt: p.submittedAt,
  };
}
