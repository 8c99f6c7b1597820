/** Shapes of the pledges and reporting APIs (libs/pledges pledge-workspace.view.ts, libs/reporting progress-update.view.ts, my-work.service.ts). */
export const PLEDGE_FORMS = ['policy', 'financial', 'technical', 'process'] as const;
export type PledgeForm = (typeof PLEDGE_FORMS)[number];
export const DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export type PledgeStatus = 'draft' | 'submitted' | 'returned' | 'published' | 'withdrawn';
export const IMPLEMENTATION_STATUSES = ['not_started', 'on_track', 'delayed', 'achieved', 'discontinued'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];
export type UpdateStatus = 'draft' | 'submitted' | 'validated' | 'returned';
export type CycleStatus = 'scheduled' | 'open' | 'closed' | 'compiled' | 'compiled_with_failures';

export interface Indicator {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  baseline: { value: number; date: string };
  target: { value: number; date: string };
  sdgIndicator: string | null;
}

export interface PledgeContent {
  title: string;
  description: string;
  form: PledgeForm;
  matchingPledgeRef: string | null;
  partners: { organisationId: string | null; name: string | null }[];
  alignment: {
    objectives: { number: number; primary: boolean }[];
    principles: string[];
    themes: { number: number; primary: boolean }[];
    themesOverridden: boolean;
    recommendations: number[];
    commitments: string[];
  };
  scope: { countries: string[]; regions: string[] };
  startDate: string | null;
  targetDate: string | null;
  budget: { amount: number; currency: string } | null;
  indicators: Indicator[];
  frameworkVersion: number;
}

export interface PledgeView extends PledgeContent {
  id: string;
  reference: string;
  leadOrganisation: { id: string; name: string };
  status: PledgeStatus;
  version: number;
  implementationStatus: ImplementationStatus;
  latestVersion: number | null;
  publishedVersion: number | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  contact: { name: string | null; email: string | null } | null;
  reviews: { versionNumber: number; decision: 'published' | 'returned'; comment: string | null; createdAt: string }[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export interface PledgeListItem {
  id: string;
  reference: string;
  title: string;
  status: PledgeStatus;
  version: number;
  implementationStatus: ImplementationStatus;
  publishedVersion: number | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface VersionSummary {
  number: number;
  createdAt: string;
  [k: string]: unknown;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ReviewQueueItem {
  id: string;
  reference: string;
  title: string;
  version: number;
  submittedAt: string;
  leadOrganisation: { id: string; name: string; kind: string };
  versionNumber: number;
  publishedVersion: number | null;
  isRevision: boolean;
}

export interface UpdateQueueItem {
  id: string;
  cycle: string;
  pledgeId: string;
  reference: string;
  title: string;
  organisation: string;
  status: ImplementationStatus;
  percentComplete: number;
  isLate: boolean;
  noChange: boolean;
  version: number;
  submittedAt: string;
}

export interface Cycle {
  id: string;
  code: string;
  periodStart: string;
  periodEnd: string;
  windowOpens: string;
  deadline: string;
  status: CycleStatus;
  version: number;
  openedAt: string | null;
  closedAt: string | null;
  compiledAt: string | null;
}

export interface Measurement {
  indicatorId: string;
  indicatorName: string;
  unit: string;
  value: number;
  asOf: string;
  note: string | null;
}

export interface Evidence {
  id: string;
  kind: 'url' | 'file';
  title: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
}

export interface PartnerContribution {
  organisationId?: string | null;
  name?: string | null;
  contribution: string;
}

export interface ProgressValues {
  id: string;
  cycle: string;
  status: ImplementationStatus;
  percentComplete: number;
  actionsTaken: string;
  challenges: string;
  nextSteps: string;
  partnerContributions: PartnerContribution[];
  measurements: Measurement[];
  editorialStatus: UpdateStatus;
}

export interface ProgressUpdate extends ProgressValues {
  pledge: { id: string; reference: string; title: string | null; leadOrganisationId: string };
  cycleInfo: { code: string; periodStart: string; periodEnd: string; deadline: string; status: string };
  evidence: Evidence[];
  isLate: boolean;
  noChange: boolean;
  version: number;
  submittedAt: string | null;
  validatedAt: string | null;
  reviews: { decision: 'validated' | 'returned'; comment: string | null; createdAt: string }[];
  previous: ProgressValues | null;
}

export interface UpdateListItem {
  id: string;
  cycle: string;
  status: ImplementationStatus;
  percentComplete: number;
  editorialStatus: UpdateStatus;
  isLate: boolean;
  noChange: boolean;
  version: number;
  submittedAt: string | null;
  validatedAt: string | null;
}

export interface MyWork {
  organisationId: string;
  today: string;
  openCycles: { code: string; periodStart: string; periodEnd: string; deadline: string; daysLeft: number; overdue: boolean; pledges: number; outstanding: number }[];
  due: {
    cycle: string;
    pledgeId: string;
    reference: string;
    title: string;
    updateId: string | null;
    state: 'missing' | UpdateStatus;
    isLate: boolean;
    version: number | null;
    submittedAt: string | null;
    overdue: boolean;
  }[];
  returned: {
    pledges: { id: string; reference: string; title: string; version: number; comment: string; returnedAt: string }[];
    updates: { id: string; cycle: string; pledgeId: string; reference: string; version: number; comment: string; returnedAt: string }[];
  };
}
