import type { ImplementationStatus } from '../domain/pledge-status';
import type { PledgeForm } from '../domain/pledge-content';
import { BudgetView, IndicatorView, ObjectiveRefView, ThemeRefView } from '../dto/pledge-content.view';

/** Public pledge responses (read by the Swagger plugin; PUBLIC_PLEDGE_COLUMNS and the progress source return them). */

export class LeadOrganisationView {
  id: string;
  name: string;
  kind: string;
  /** ISO alpha-3 of a State, null for a stakeholder. */
  country: string | null;
}

export class PublicPartnerView {
  organisationId: string | null;
  name: string;
}

export class PublicPledgeView {
  id: string;
  reference: string;
  title: string;
  description: string;
  /** BCP 47 tag of the language title and description are written in: show them with this `lang`. Never machine-translated. */
  language: string;
  form: PledgeForm;
  matchingPledgeRef: string | null;
  state: 'published' | 'withdrawn';
  withdrawnReason: string | null;
  withdrawnAt: Date | null;
  implementationStatus: ImplementationStatus;
  startDate: string | null;
  targetDate: string | null;
  budget: BudgetView | null;
  frameworkVersion: number;
  publishedVersion: number;
  firstPublishedAt: Date;
  publishedAt: Date;
  updatedAt: Date;
  leadOrganisation: LeadOrganisationView;
  partners: PublicPartnerView[];
  objectives: ObjectiveRefView[];
  themes: ThemeRefView[];
  principles: string[];
  recommendations: number[];
  commitments: string[];
  roundTables: string[];
  countries: string[];
  regions: string[];
  indicators: IndicatorView[];
}

export class PublicPledgePage {
  items: PublicPledgeView[];
  total: number;
  limit: number;
  offset: number;
}

export class TimelineMeasurement {
  indicatorId: string;
  indicatorName: string;
  unit: string;
  value: number;
  asOf: string;
  note: string | null;
  baseline: number;
  target: number;
}

export class TimelineEvidence {
  id: string;
  kind: 'url' | 'file';
  title: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  /** Path of the file download, for `file` evidence. */
  download: string | null;
}

export class TimelinePartnerContribution {
  organisationId: string | null;
  name: string;
  contribution: string;
}

/** A validated progress update on the pledge's public timeline. */
export class TimelineEntry {
  id: string;
  cycle: string;
  periodStart: string;
  periodEnd: string;
  status: ImplementationStatus;
  percentComplete: number;
  /** BCP 47 tag of the language the narrative is written in: show it with this `lang`. Never machine-translated. */
  language: string;
  actionsTaken: string;
  challenges: string;
  nextSteps: string;
  partnerContributions: TimelinePartnerContribution[];
  isLate: boolean;
  noChange: boolean;
  submittedAt: Date | null;
  validatedAt: Date;
  measurements: TimelineMeasurement[];
  evidence: TimelineEvidence[];
}

export class PublicPledgeDetail extends PublicPledgeView {
  timeline: TimelineEntry[];
}

/** A lead organisation of the pledges a filter selects. */
export class PublicPledgerView {
  id: string;
  name: string;
  /** state, or a stakeholder kind. */
  kind: string;
  /** ISO alpha-3 of a State, null for a stakeholder. */
  country: string | null;
  /** How many of the selected pledges it leads. */
  pledges: number;
}

export class PublicPledgerPage {
  items: PublicPledgerView[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * A progress update a report counted: submitted or validated, on a pledge owing its cycle an update.
 * Only a validated update's status and percent are shown; a submitted one is counted, its content is not public.
 */
export class PublicCountedUpdateView {
  pledgeId: string;
  reference: string;
  title: string;
  /** BCP 47 tag of the pledge title's language. */
  language: string;
  leadOrganisation: LeadOrganisationView;
  cycle: string;
  periodStart: string;
  /** False: submitted, awaiting the secretariat's validation (counted as reported, content not public). */
  validated: boolean;
  /** Submitted after the organisation's deadline. */
  late: boolean;
  status: ImplementationStatus | null;
  percentComplete: number | null;
  validatedAt: Date | null;
}

export class PublicCountedUpdatePage {
  items: PublicCountedUpdateView[];
  total: number;
  limit: number;
  offset: number;
}
