import type { ImplementationStatus } from '@gcm/pledges';
import type { CycleStatus, UpdateEditorialStatus } from './domain/lifecycle';
import type { PlausibilityCode } from './domain/plausibility';

/** Response shapes of the reporting API (read by the Swagger plugin; the services' SQL returns them). */

export class CycleView {
  id: string;
  /** 2026-H1, 2026-Q3 or 2026 */
  code: string;
  periodStart: string;
  periodEnd: string;
  windowOpens: string;
  deadline: string;
  status: CycleStatus;
  version: number;
  openedAt: Date | null;
  closedAt: Date | null;
  compiledAt: Date | null;
}

export class GeneratedCycles {
  cadence: 'half-year' | 'quarter' | 'year';
  /** Codes created by this call. */
  created: string[];
  /** Codes that already existed. */
  existing: string[];
  cycles: CycleView[];
}

export class MeasurementView {
  indicatorId: string;
  indicatorName: string;
  unit: string;
  value: number;
  asOf: string;
  note: string | null;
}

export class EvidenceView {
  id: string;
  kind: 'url' | 'file';
  title: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
}

export class PartnerContributionView {
  organisationId: string | null;
  /** The organisation's name at the time, or the free-text name. */
  name: string;
  contribution: string;
}

/** The values a cycle reported, as shown beside the next cycle's. */
export class ProgressValuesView {
  id: string;
  cycle: string;
  status: ImplementationStatus;
  percentComplete: number;
  /** BCP 47 tag of the language the narrative is written in: show it with this `lang`. Never machine-translated. */
  language: string;
  actionsTaken: string;
  challenges: string;
  nextSteps: string;
  partnerContributions: PartnerContributionView[];
  measurements: MeasurementView[];
  editorialStatus: UpdateEditorialStatus;
}

export class UpdatePledgeRef {
  id: string;
  reference: string;
  title: string | null;
  leadOrganisationId: string;
}

export class UpdateCycleInfo {
  code: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  /** The deadline for the pledge's organisation: its granted extension's date, else the cycle's. */
  organisationDeadline: string;
  status: CycleStatus;
}

export class UpdateReviewEntry {
  decision: 'validated' | 'returned';
  comment: string | null;
  createdAt: Date;
}

/** A plausibility check that did not pass (never blocking): shown before submitting and when reviewing. */
export class PlausibilityWarningView {
  /** Stable: a client renders the warning from it and `values` in its own language. */
  code: PlausibilityCode;
  /** The warning in the request's language. */
  message: string;
  /** The placeholders of the code's message (e.g. name, value, target, from, to, date, title, url); empty when it has none. */
  values: Record<string, string | number>;
  indicatorId: string | null;
}

export class ProgressUpdateResponse extends ProgressValuesView {
  pledge: UpdatePledgeRef;
  cycleInfo: UpdateCycleInfo;
  evidence: EvidenceView[];
  isLate: boolean;
  /** Submitted after the cycle's deadline, on time under the organisation's extension. */
  afterExtension: boolean;
  noChange: boolean;
  version: number;
  submittedAt: Date | null;
  validatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  reviews: UpdateReviewEntry[];
  /** The pledge's update of the latest earlier cycle (submitted or validated), or null. */
  previous: ProgressValuesView | null;
  /** Plausibility warnings of this update against its indicators, the pledge's target date and the previous cycle. */
  warnings: PlausibilityWarningView[];
}

export class UpdateListItem {
  id: string;
  cycle: string;
  status: ImplementationStatus;
  percentComplete: number;
  editorialStatus: UpdateEditorialStatus;
  isLate: boolean;
  noChange: boolean;
  version: number;
  submittedAt: Date | null;
  validatedAt: Date | null;
}

export class UpdateQueueItem {
  id: string;
  cycle: string;
  pledgeId: string;
  reference: string;
  title: string | null;
  /** Name of the lead organisation. */
  organisation: string;
  status: ImplementationStatus;
  percentComplete: number;
  isLate: boolean;
  noChange: boolean;
  version: number;
  submittedAt: Date | null;
}

export class UpdateQueuePage {
  items: UpdateQueueItem[];
  total: number;
  limit: number;
  offset: number;
}

export class ApprovalQueueItem {
  id: string;
  cycle: string;
  pledgeId: string;
  reference: string;
  title: string | null;
  status: ImplementationStatus;
  percentComplete: number;
  noChange: boolean;
  version: number;
  updatedAt: Date;
}

export class ApprovalQueue {
  items: ApprovalQueueItem[];
  total: number;
}
