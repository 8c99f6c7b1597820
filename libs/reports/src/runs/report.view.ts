import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@gcm/platform/pure';
import type { ReportKind } from '../model/report-kind.types';
import type { ReportFormat } from '../renderers/render-report';
import type { RunStatus } from './entities/report-run.entity';

/** Response shapes of the reports API (read by the Swagger plugin; RUN_COLUMNS and VERSION_COLUMNS return them). */

export class ReportRunView {
  id: string;
  kind: ReportKind;
  scope: string;
  /** The cycles joined by `+`. */
  cycleKey: string;
  cycles: string[];
  /** The edition's language (one of ar, zh, en, fr, ru, es). */
  @ApiProperty({ enum: [...LOCALES] })
  language: Locale;
  status: RunStatus;
  /** 0–100 */
  progress: number;
  error: string | null;
  /** Of a failed run: `infra` (unreachable database or Redis; re-queued by itself once they answer) or `build`. */
  failureKind: 'infra' | 'build' | null;
  attempts: number;
  flowId: string | null;
  parentRunId: string | null;
  requestedBy: string | null;
  versionId: string | null;
  versionNumber: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export class RequestedRunView extends ReportRunView {
  /** False when an identical run was already queued or running and is returned instead. */
  created: boolean;
}

export class RunJobState {
  /** BullMQ job state. */
  state: string;
  attemptsMade: number;
  failedReason: string | null;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }, { type: 'object' }], description: 'The job progress as the worker reported it.' })
  progress: number | string | boolean | object;
}

export class InspectedRunView extends ReportRunView {
  /** The run's queue job, null once BullMQ has dropped it. */
  job: RunJobState | null;
}

export class ReportRunPage {
  items: ReportRunView[];
  total: number;
  limit: number;
  offset: number;
}

export class ReportFileLink {
  format: ReportFormat;
  contentType: string;
  size: number;
  /** Also the download's ETag. */
  sha256: string;
  url: string;
}

export class ReportLanguageLink {
  @ApiProperty({ enum: [...LOCALES] })
  language: Locale;
  /** The latest version in that language. */
  versionId: string;
  number: number;
  url: string;
}

export class ReportVersionView {
  id: string;
  kind: ReportKind;
  scope: string;
  cycleKey: string;
  cycles: string[];
  /** The edition's language (one of ar, zh, en, fr, ru, es). */
  @ApiProperty({ enum: [...LOCALES] })
  language: Locale;
  /** Every language this report exists in for the same cycles, with the version to fetch in each (published ones only, unless the reader is the secretariat). */
  languages: ReportLanguageLink[];
  /** 1, 2, 3… per report and language. */
  number: number;
  title: string;
  /** SHA-256 of the data the version was built from. */
  snapshotHash: string;
  createdAt: Date;
  publishedAt: Date | null;
  /** The editorial revision the published files carry (null: none, or not published yet). */
  editorialRevision: number | null;
  /** The edition's stable address (by report, cycles, language and number). */
  permanentUrl: string;
  /** "Cite this": citation, CSL-JSON and BibTeX. */
  citeUrl: string;
  files: ReportFileLink[];
}

export class ReportVersionPage {
  items: ReportVersionView[];
  total: number;
  limit: number;
  offset: number;
}

/** A cycle's report runs by status (a status with no run is absent). */
export class RunStatusCounts {
  queued?: number;
  running?: number;
  completed?: number;
  failed?: number;
  cancelled?: number;
}

/** A closed cycle's report flow as the secretariat's cycle page shows it. */
export class CycleReportsView {
  cycle: string;
  cycleStatus: string;
  total: number;
  byStatus: RunStatusCounts;
  /** Runs that did not complete (failed or cancelled), with their errors: what a retry would re-queue. */
  failed: ReportRunView[];
}

export class CycleReportsRetryView extends CycleReportsView {
  /** How many unfinished runs were queued again. */
  retried: number;
}

/** The versions a bulk publish made public, by title. */
export class PublishedVersionsView {
  items: ReportVersionView[];
  total: number;
}

export class CslNameView {
  literal: string;
}

export class CslDateView {
  /** `[[year, month, day]]`. */
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'integer' } } })
  'date-parts': number[][];
}

/** A CSL-JSON item (the Citation Style Language's data schema). */
export class CslItemView {
  id: string;
  @ApiProperty({ enum: ['report'] })
  type: 'report';
  title: string;
  author: CslNameView[];
  publisher: string;
  issued: CslDateView;
  version: string;
  language: string;
  URL: string;
  /** Data as of and the snapshot id. */
  note: string;
}

/** "Cite this" for one edition. */
export class ReportCitationView {
  versionId: string;
  /** Stable: by report, cycles, language and version number. */
  permanentUrl: string;
  snapshotId: string;
  /** When the data were read (the snapshot's time). */
  dataAsOf: string;
  /** A suggested citation in the edition's language. */
  citation: string;
  csl: CslItemView;
  bibtex: string;
}
