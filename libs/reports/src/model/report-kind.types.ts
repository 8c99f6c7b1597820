import type { Locale } from '@gcm/platform/pure';
import { ReportDataset } from './report-input.types';

export const REPORT_KINDS = ['state', 'objective', 'theme', 'region', 'round_table', 'imrf_summary'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What each kind is about. Cycle-spanning kinds take one or more cycle codes. */
export interface ReportScopes {
  state: { organisationId: string; cycleCode: string };
  objective: { objective: number; cycleCode: string };
  theme: { theme: number; cycleCode: string };
  /** Any M49 region, sub-region or intermediate-region code, e.g. `002` (Africa) or `202`. */
  region: { m49: string; cycleCode: string };
  round_table: { roundTable: string; cycleCodes: string[] };
  imrf_summary: { cycleCodes: string[] };
}

export type ReportScope<K extends ReportKind = ReportKind> = ReportScopes[K];

/** A builder's whole input: the scope plus the dataset it is selected from. */
export type ReportInput<K extends ReportKind = ReportKind> = ReportDataset & {
  scope: ReportScopes[K];
  /** The report's language (one of the six); English when omitted. */
  language?: Locale;
  /** Settings that change what a report counts (`REPORT_WEAK_OBJECTIVE_SHARE`…); defaults when omitted. */
  parameters?: Partial<ReportParameters>;
  /** False leaves out the narrative sections (see narrativeSection): the benchmark's comparison run only. */
  narrative?: boolean;
  /** The site's public base URL (PUBLIC_URL): figure links are made absolute against it; site-relative when omitted. */
  publicUrl?: string;
};

/** The thresholds and caps a builder applies; each document records the values it was built with. */
export type ReportParameters = {
  /** Objectives pledged and reported on, but by fewer reporting States than this share, are weakly reported. */
  weakObjectiveShare: number;
  /** Challenge excerpts shown per group; the count of all is always given. */
  challengeExcerpts: number;
  challengeExcerptLength: number;
  practicesPerObjective: number;
};

export type StateReportInput = ReportInput<'state'>;
export type ObjectiveReportInput = ReportInput<'objective'>;
export type ThemeReportInput = ReportInput<'theme'>;
export type RegionReportInput = ReportInput<'region'>;
export type RoundTableReportInput = ReportInput<'round_table'>;
export type ImrfSummaryReportInput = ReportInput<'imrf_summary'>;

/** Thrown by builders when the scope names something the dataset lacks. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}
