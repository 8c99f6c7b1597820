import { IMPLEMENTATION_STATUSES, ImplementationStatus } from '@gcm/pledges';
import type { ColumnSpec } from '@gcm/platform';

/** The cycle workbook's sheets and columns: one definition for the writer and the reader. */
export const SHEETS = { instructions: 'Instructions', pledges: 'Pledges', measurements: 'Measurements', evidence: 'Evidence' } as const;
export const BINDING_SHEET = '_binding';
export const USER_SHEETS = [SHEETS.instructions, SHEETS.pledges, SHEETS.measurements, SHEETS.evidence];

export const STATUS_LABELS: Record<ImplementationStatus, string> = {
  not_started: 'Not started', on_track: 'On track', delayed: 'Delayed', achieved: 'Achieved', discontinued: 'Discontinued',
};
export const STATUS_LIST = IMPLEMENTATION_STATUSES.map((s) => STATUS_LABELS[s]);

interface Column extends ColumnSpec {
  width: number;
  /** Typed by the person; every other column is locked. */
  editable?: boolean;
}

export const PLEDGE_COLUMNS: Column[] = [
  { key: 'pledgeId', heading: 'Pledge ID', width: 38 },
  { key: 'reference', heading: 'Reference', width: 18 },
  { key: 'title', heading: 'Title', width: 40 },
  { key: 'previousStatus', heading: 'Last cycle status', width: 16 },
  { key: 'previousPercent', heading: 'Last cycle %', width: 12 },
  { key: 'state', heading: 'This cycle so far', width: 16 },
  { key: 'status', heading: 'Status', width: 16, editable: true },
  { key: 'percent', heading: 'Percent complete', width: 16, editable: true },
  { key: 'actionsTaken', heading: 'Actions taken', width: 40, editable: true },
  { key: 'challenges', heading: 'Challenges', width: 30, editable: true },
  { key: 'nextSteps', heading: 'Next steps', width: 30, editable: true },
];

export const MEASUREMENT_COLUMNS: Column[] = [
  { key: 'pledgeId', heading: 'Pledge ID', width: 38 },
  { key: 'reference', heading: 'Reference', width: 18 },
  { key: 'indicatorId', heading: 'Indicator ID', width: 38 },
  { key: 'indicator', heading: 'Indicator', width: 36 },
  { key: 'target', heading: 'Target', width: 12 },
  { key: 'previous', heading: 'Last cycle value', width: 16 },
  { key: 'unit', heading: 'Unit', width: 14, editable: true },
  { key: 'value', heading: 'Value', width: 14, editable: true },
  { key: 'asOf', heading: 'As of', width: 14, editable: true },
];

export const EVIDENCE_COLUMNS: Column[] = [
  { key: 'reference', heading: 'Pledge reference', width: 20, editable: true },
  { key: 'url', heading: 'Link (http or https)', width: 60, editable: true },
  { key: 'title', heading: 'Title', width: 40, editable: true },
];

/** Bounds on an upload: an organisation has at most a few thousand pledges. */
export const MAX_ROWS = 20_000;
export const WORKBOOK_KIND = 'cycle_workbook';

export interface WorkbookBinding {
  organisationId: string;
  cycle: string;
  pledges: Map<string, { publishedVersion: number; updateId: string | null; updateVersion: number | null }>;
}
