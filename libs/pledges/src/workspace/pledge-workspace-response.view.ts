import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import type { ImplementationStatus, PledgeStatus } from '../domain/pledge-status';
import { PledgeContentView } from '../dto/pledge-content.view';

/** Workspace responses (read by the Swagger plugin): the working copy, versions, lists and the review queue. */

export class PledgeReviewEntry {
  versionNumber: number;
  decision: 'published' | 'returned';
  comment: string | null;
  createdAt: Date;
}

export class WorkspaceLeadOrganisation {
  id: string;
  name: string;
}

export class PledgeContactView {
  name: string | null;
  email: string | null;
}

/** What the owner organisation and the secretariat see: the working copy with its review history. */
export class PledgeWorkspaceResponse extends PledgeContentView {
  id: string;
  reference: string;
  leadOrganisation: WorkspaceLeadOrganisation;
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
  contact: PledgeContactView | null;
  reviews: PledgeReviewEntry[];
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export class MyPledgeItem {
  id: string;
  reference: string;
  /** The working copy's title. */
  title: string | null;
  status: PledgeStatus;
  version: number;
  implementationStatus: ImplementationStatus;
  publishedVersion: number | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

export class MyPledgePage {
  items: MyPledgeItem[];
  total: number;
  limit: number;
  offset: number;
}

export class ReviewLeadOrganisation {
  id: string;
  name: string;
  kind: string;
}

export class PledgeReviewQueueItem {
  id: string;
  reference: string;
  title: string | null;
  version: number;
  submittedAt: Date | null;
  leadOrganisation: ReviewLeadOrganisation;
  /** The submitted version awaiting review. */
  versionNumber: number;
  publishedVersion: number | null;
  /** A revision of a pledge that is already public. */
  isRevision: boolean;
}

export class PledgeReviewQueuePage {
  items: PledgeReviewQueueItem[];
  total: number;
  limit: number;
  offset: number;
}

export class PledgeVersionSummary {
  number: number;
  submittedAt: Date;
  submittedBy: string | null;
  frameworkVersion: number;
  title: string | null;
  isPublished: boolean;
  /** The latest review of this version, if any. */
  decision: 'published' | 'returned' | null;
  comment: string | null;
  reviewedAt: Date | null;
}

export class PledgeVersionView {
  number: number;
  submittedAt: Date;
  submittedBy: string | null;
  frameworkVersion: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The frozen content of the version (PledgeContent plus who pledged it).' })
  snapshot: Record<string, unknown>;
}

/** Any JSON value (a changed field can be text, a number, a list or an object). */
const ANY_JSON: ApiPropertyOptions = {
  // null rides on the string branch: OpenAPI 3.0 has no null type of its own.
  oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
};

export class FieldChangeView {
  /** Dotted path of the changed field. */
  field: string;
  @ApiProperty({ ...ANY_JSON, description: 'The value in the older version.' })
  before: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'The value in the newer version.' })
  after: unknown;
}

export class PledgeVersionDiff {
  from: number;
  to: number;
  changes: FieldChangeView[];
}
