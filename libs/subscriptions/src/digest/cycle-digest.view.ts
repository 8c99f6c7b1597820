import { HeadlineStats, StatusStats } from '@gcm/dashboard';

export class DigestReportView {
  /** The published report version. */
  id: string;
  kind: string;
  scope: string;
  title: string;
  language: string;
  publishedAt: string;
  /** The public page of the report, e.g. `/reports?version=…`. */
  path: string;
}

export class DigestChangeView {
  /** Which figure: a HeadlineStats field, or `status.<status>` for the pledges in an implementation status. */
  figure: string;
  value: number;
  /** The same figure for the previous cycle; null for the first cycle. */
  previous: number | null;
  /** value − previous; null for the first cycle. */
  change: number | null;
}

/**
 * What moved in a compiled cycle: the dashboard's own figures for it (the
 * headline and the status breakdown, the same rules as /api/v1/stats) beside
 * the previous cycle's, and the reports published for it.
 */
export class CycleDigestView {
  cycle: string;
  periodStart: string;
  periodEnd: string;
  compiledAt: string;
  /** The cycle before it (by period), whose figures the changes compare with; null for the first. */
  previousCycle: string | null;
  headline: HeadlineStats;
  status: StatusStats;
  changes: DigestChangeView[];
  reports: DigestReportView[];
}
