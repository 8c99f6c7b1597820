import { CatalogueInput } from './catalogue-input.types';

/**
 * What a loader hands to a report builder: plain, JSON-safe data, no entities,
 * no Date objects (dates are ISO text, so the same rows always give the same
 * report bytes). Numbers arrive as numbers: a loader converts PostgreSQL
 * `numeric` measurement values with `Number()`; budgets stay decimal text.
 *
 * Builders never trust the loader to have filtered: they select by scope and
 * ignore what is out of it, so one dataset may feed every report of a cycle.
 * Loaders must still leave out what may never be published: drafts, contact
 * details, unpublished pledge versions and unpublished expert reports.
 */

/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** UTC instant, `YYYY-MM-DDTHH:mm:ss.sssZ` (what `Date#toISOString` prints). */
export type IsoDateTime = string;

export const IMPLEMENTATION_STATUSES = ['not_started', 'on_track', 'delayed', 'achieved', 'discontinued'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];
export type PledgeForm = 'policy' | 'financial' | 'technical' | 'process';
export type IndicatorDirection = 'increase' | 'decrease' | 'maintain';
/** Drafts are private and must not be loaded; builders drop them if they are. */
export type UpdateLifecycle = 'draft' | 'submitted' | 'returned' | 'validated';

export interface CycleInput {
  /** e.g. `2026-H1`. */
  code: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Submission deadline; later submissions carry `late: true`. */
  deadline: IsoDate;
  /** When the cycle closed; null while it is not closed (open, reopened or scheduled): its population is then "up to now". */
  closedAt: IsoDateTime | null;
}

export interface OrganisationInput {
  id: string;
  name: string;
  /** `state` for a UN Member or observer State; its country is `countryAlpha3`. */
  kind: 'state' | 'stakeholder';
  countryAlpha3: string | null;
  /** Free label for stakeholders (`UN agency`, `NGO`, …); null for States. */
  stakeholderType: string | null;
}

export interface IndicatorInput {
  id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: { value: number; date: IsoDate };
  target: { value: number; date: IsoDate };
  /** SDG indicator code such as `10.7.2`. */
  sdgIndicator: string | null;
}

/** The latest published version of a pledge (or the version withdrawn). */
export interface PledgeInput {
  id: string;
  /** Public reference, e.g. `GCM-P-2026-00042`. */
  reference: string;
  title: string;
  description: string;
  form: PledgeForm;
  leadOrganisationId: string;
  partnerOrganisationIds: string[];
  /**
   * First publication and withdrawal (final). A pledge owes an update in a
   * cycle when it was public at any time between the period start and the
   * close (DatasetIndex.isExpected, the database's pledge_owes_update).
   */
  publishedAt: IsoDateTime;
  withdrawnAt: IsoDateTime | null;
  withdrawalReason: string | null;
  /** Status of the pledge's latest validated update in a cycle before the data set's cycles: carried forward like the dashboards do. */
  statusBefore: ImplementationStatus | null;
  /**
   * Codes of the data set's `otherCycles` in which the pledge has a validated
   * update: with them the early warning counts how many cycles in a row a
   * pledge has gone without one, beyond the cycles the data set holds in full.
   * Absent: none.
   */
  validatedInOtherCycles?: string[];
  /** Every aligned objective, the primary one included. */
  objectives: number[];
  primaryObjective: number;
  principles: string[];
  /** Effective themes: derived through the crosswalk or overridden by the pledger. */
  themes: number[];
  /** SG recommendation paragraphs addressed. */
  recommendations: number[];
  /** Actionable commitment codes such as `T2.C4`. */
  commitments: string[];
  /** ISO alpha-3 of the countries concerned. */
  countries: string[];
  /** M49 codes of the regions, sub-regions or intermediate regions concerned (`001`: the world). */
  regions: string[];
  startDate: IsoDate;
  targetDate: IsoDate;
  /** Decimal text as PostgreSQL prints `numeric` (`'250000.00'`) + ISO 4217 code. */
  budget: { amount: string; currency: string } | null;
  indicators: IndicatorInput[];
}

export interface MeasurementInput {
  indicatorId: string;
  value: number;
  asOf: IsoDate;
  note: string | null;
}

export interface EvidenceInput {
  title: string;
  url: string | null;
  /** Uploaded file's SHA-256 (hex), when a file backs the evidence. */
  sha256: string | null;
}

/**
 * One progress update: one per pledge per cycle. A submitted (not validated)
 * update counts as reported, but its content may not be published: the
 * loader blanks its narrative, measurements, evidence and contributions, and
 * builders take statuses and content from validated updates only.
 */
export interface UpdateInput {
  id: string;
  pledgeId: string;
  cycleCode: string;
  lifecycle: UpdateLifecycle;
  submittedAt: IsoDateTime | null;
  validatedAt: IsoDateTime | null;
  /** Submitted after the organisation's deadline (the cycle's, or its granted extension's; the reporting module sets it). */
  late: boolean;
  /** Submitted after the cycle's deadline but by the organisation's extended one: "included after extension", not late. */
  afterExtension?: boolean;
  /** "No change since last cycle" reconfirmation. */
  reconfirmation: boolean;
  status: ImplementationStatus;
  /** 0–100. */
  percentComplete: number;
  actionsTaken: string;
  challenges: string;
  nextSteps: string;
  measurements: MeasurementInput[];
  evidence: EvidenceInput[];
  partnerContributions: { organisationId: string; text: string }[];
  /**
   * The codes of the plausibility warnings the secretariat saw when it
   * validated the update (the reporting lib's one rule set, kept at
   * validation), one per warning; null when not validated, or validated
   * before warnings were kept.
   */
  validatedWarnings?: string[] | null;
}

/** A published expert/watchdog challenge report (ICMPD's annual expert sessions). */
export interface ExpertReportInput {
  id: string;
  title: string;
  /** Name of the filing expert's organisation or mandate. */
  author: string;
  year: number;
  themes: number[];
  objectives: number[];
  summary: string;
  /** Builders skip reports without it. */
  publishedAt: IsoDateTime | null;
}

/** A practice card (no contact: never public). `objectives` come from its session. */
export interface PracticeInput {
  code: string;
  title: string;
  sessionNumber: number;
  objectives: number[];
  organisation: string | null;
  geographicalScope: string | null;
  brieflyReferred: boolean;
}

/** Identifies the data a report was built from; copied into the document. */
export interface SnapshotInput {
  /** Opaque id of the data snapshot (e.g. a hash of the loaded rows). */
  id: string;
  /** When the data was read. Builders never read the clock. */
  takenAt: IsoDateTime;
  frameworkVersion: number;
}

/** Shared by every kind. */
export interface ReportDataset {
  snapshot: SnapshotInput;
  catalogue: CatalogueInput;
  /** The cycles in scope plus, for comparison, the one before (any order). */
  cycles: CycleInput[];
  /**
   * Every other cycle that began before the data set's last one, with none of
   * its updates (only PledgeInput.validatedInOtherCycles says which pledges
   * had a validated one there): what the early warning's "cycles in a row
   * without a validated update" looks back over. Absent: none.
   */
  otherCycles?: CycleInput[];
  organisations: OrganisationInput[];
  pledges: PledgeInput[];
  updates: UpdateInput[];
  expertReports: ExpertReportInput[];
  practices: PracticeInput[];
}
