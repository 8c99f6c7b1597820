import type { ImplementationStatus, IndicatorDirection } from '@gcm/pledges';
import type { CycleStatus } from '../domain/lifecycle';
import { PlausibilityWarningView } from '../reporting.view';

/** GET /workspace/cycles/:code and its actions (read by the Swagger plugin). */

export class WorkbenchIndicator {
  id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baselineValue: number;
  targetValue: number;
  targetDate: string;
}

export class WorkbenchMeasurement {
  indicatorId: string;
  value: number;
  asOf: string;
}

export class WorkbenchLink {
  url: string;
  title: string;
}

/** What a cycle reported, beside this cycle's. */
export class WorkbenchValues {
  status: ImplementationStatus;
  percentComplete: number;
  measurements: WorkbenchMeasurement[];
  links: WorkbenchLink[];
}

export class WorkbenchPrevious extends WorkbenchValues {
  updateId: string;
  cycle: string;
}

export class WorkbenchUpdate extends WorkbenchValues {
  id: string;
  editorialStatus: 'draft' | 'awaiting_approval' | 'submitted' | 'returned' | 'validated';
  version: number;
  noChange: boolean;
  isLate: boolean;
  actionsTaken: string;
  challenges: string;
  nextSteps: string;
  /** The secretariat's comment when it returned the update. */
  returnedComment: string | null;
  updatedAt: Date;
}

export class WorkbenchRow {
  pledgeId: string;
  reference: string;
  title: string | null;
  targetDate: string | null;
  /** The published version the indicators come from (the workbook's staleness check). */
  publishedVersion: number;
  indicators: WorkbenchIndicator[];
  previous: WorkbenchPrevious | null;
  update: WorkbenchUpdate | null;
  /** missing: nothing yet; otherwise the update's editorial status. */
  state: 'missing' | 'draft' | 'returned' | 'submitted' | 'validated';
  /** Plausibility warnings of this cycle's update (none before one exists). */
  warnings: PlausibilityWarningView[];
  /** True when "no change since last cycle" can be confirmed (no update yet, an earlier one exists, the cycle is open). */
  canReconfirm: boolean;
}

export class WorkbenchCycle {
  code: string;
  status: CycleStatus;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  /** Whole days to the end of the deadline day; negative once passed. */
  daysLeft: number;
}

export class WorkbenchCounts {
  total: number;
  missing: number;
  draft: number;
  returned: number;
  submitted: number;
  validated: number;
}

export class WorkbenchView {
  organisationId: string;
  organisationName: string;
  today: string;
  cycle: WorkbenchCycle;
  counts: WorkbenchCounts;
  rows: WorkbenchRow[];
}

export class ReconfirmedUpdate {
  pledgeId: string;
  reference: string;
  updateId: string;
  version: number;
  isLate: boolean;
}

export class BulkNoChangeResult {
  cycle: string;
  updates: ReconfirmedUpdate[];
}
