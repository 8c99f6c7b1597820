import { DomainError } from '@gcm/platform';
import { EntityManager } from 'typeorm';
import type { PledgeContent } from '../domain/pledge-content';
import type { ImplementationStatus, PledgeStatus } from '../domain/pledge-status';
import { Pledge } from '../entities/pledge.entity';

export interface PledgeReviewView {
  versionNumber: number;
  decision: 'published' | 'returned';
  comment: string | null;
  createdAt: Date;
}

/** What the owner organisation and the secretariat see: the working copy with its review history. */
export interface PledgeWorkspaceView extends PledgeContent {
  id: string;
  reference: string;
  leadOrganisation: { id: string; name: string };
  status: PledgeStatus;
  /** Optimistic-concurrency version; also sent as the ETag. */
  version: number;
  implementationStatus: ImplementationStatus;
  /** Number of the latest submitted version, null before the first submission. */
  latestVersion: number | null;
  /** Number of the version the public sees, null until first publication. */
  publishedVersion: number | null;
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  contact: { name: string | null; email: string | null } | null;
  reviews: PledgeReviewView[];
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export async function loadPledge(m: EntityManager, id: string): Promise<Pledge> {
  const row = await m.findOneBy(Pledge, { id });
  if (!row) throw DomainError.notFound('Pledge');
  return row;
}

/** Four set-based reads whatever the pledge's size. */
export async function loadWorkspaceView(m: EntityManager, id: string, row?: Pledge): Promise<PledgeWorkspaceView> {
  const p = row ?? (await loadPledge(m, id));
  const [org] = await m.query('SELECT id, name FROM organisation WHERE id = $1', [p.leadOrganisationId]);
  const reviews: PledgeReviewView[] = await m.query(
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
