import type { Locale } from '@gcm/platform/pure';
import { CycleInput, ImplementationStatus, SnapshotInput } from './report-input.types';
import { ReportKind, ReportScope } from './report-kind.types';

/**
 * The one document model every renderer walks. It holds values, not layout:
 * shares keep their exact ratio (0–1) and renderers format them as whole
 * percent, so JSON, HTML, PDF, CSV and XLSX always agree.
 */
export const DOCUMENT_SCHEMA_VERSION = 1;

export interface ReportDocument {
  schemaVersion: typeof DOCUMENT_SCHEMA_VERSION;
  kind: ReportKind;
  title: string;
  subtitle: string | null;
  metadata: ReportMetadata;
  sections: Section[];
  /**
   * The secretariat's editorial text, merged in when an edition is previewed
   * or published (never part of the built model, so the data stays pinned to
   * its snapshot and the snapshot hash).
   */
  editorial?: EditorialContent;
}

/** Sanitised rich text, as structure: renderers escape every string again. */
export interface RichInline {
  text: string;
  strong?: boolean;
  em?: boolean;
  /** http or https only (the sanitiser drops every other scheme). */
  href?: string;
}

export type RichBlock =
  | { type: 'heading'; level: 3 | 4; inlines: RichInline[] }
  | { type: 'paragraph'; inlines: RichInline[] }
  | { type: 'list'; ordered: boolean; items: RichInline[][] };

export interface EditorialContent {
  /** The editorial revision the edition carries. */
  revision: number;
  introduction: RichBlock[];
  /** Commentary by section id, printed under the section's title. */
  commentary: Record<string, RichBlock[]>;
}

export interface ReportMetadata {
  scope: ReportScope;
  /** The cycles the figures cover, oldest first. */
  cycles: CycleInput[];
  snapshot: SnapshotInput;
  /** Thresholds and caps the builder applied, so a reader can reproduce the figures. */
  parameters: Record<string, number>;
  /** The language of every label, heading and note (one of the six); data text stays as written. */
  language: Locale;
}

export interface Section {
  /** Stable within a document; used for anchors, sheet and CSV names. */
  id: string;
  title: string;
  blocks: Block[];
}

export type Block = HeadingBlock | ParagraphBlock | KeyFiguresBlock | TableBlock | StatusDistributionBlock | ListBlock | NoteBlock
  | ProseBlock | FootnotesBlock | ChartBlock;

export interface HeadingBlock {
  type: 'heading';
  /** Section titles are level 2; headings inside a section are 3 or 4. */
  level: 3 | 4;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
}

export type FigureFormat = 'integer' | 'percent' | 'number';

export interface KeyFigure {
  key: string;
  label: string;
  /** Percent figures hold the exact ratio (0–1). Null: not computable (e.g. nothing to divide by). */
  value: number | null;
  format: FigureFormat;
  /** e.g. `35 of 40 States`. */
  detail: string | null;
  /** The public list of the population the figure counts (builders/figure-links.ts), when a list can say it exactly. */
  href?: string;
}

export interface KeyFiguresBlock {
  type: 'key_figures';
  id: string;
  items: KeyFigure[];
}

/**
 * What a value is, which decides how every edition prints it: `integer` and
 * `number` are quantities (thousands grouped: 2,500), `percent` a share held
 * as its ratio, `year` and `identifier` numbers that name something (2026,
 * objective 8) and are never grouped or summed.
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'percent' | 'year' | 'identifier' | 'date' | 'boolean';
export type Cell = string | number | boolean | null;

export interface TableColumn {
  key: string;
  label: string;
  type: ColumnType;
}

export interface TableBlock {
  type: 'table';
  id: string;
  caption: string;
  columns: TableColumn[];
  /** Keyed by column key; every row has every column. Percent cells hold the ratio. */
  rows: Record<string, Cell>[];
  /**
   * Where a cell's count comes from, by row index then column key: the public
   * pledge list filtered to that figure's population (builders/figure-links).
   * Absent when no cell links; CSV and XLSX leave it out (see ARCHITECTURE).
   */
  links?: Record<string, string>[];
  /**
   * A pledge-by-pledge list in a report about many States: the HTML and PDF
   * editions print its first `rows` rows and then `note` (how many there are,
   * and where all are); JSON, CSV and XLSX carry every row. Absent: all printed.
   */
  printed?: { rows: number; note: string };
}

/** Implementation statuses plus `no_update`: expected to report, nothing submitted. */
export type DistributionStatus = ImplementationStatus | 'no_update';

export interface StatusDistributionEntry {
  status: DistributionStatus;
  label: string;
  count: number;
  /** count / total; null when total is 0. */
  ratio: number | null;
  /** The pledge list behind the count, when the list can express its population (see TableBlock.links). */
  href?: string;
}

export interface StatusDistributionBlock {
  type: 'status_distribution';
  id: string;
  caption: string;
  total: number;
  /** The pledge list behind the total, when the list can express its population. */
  href?: string;
  entries: StatusDistributionEntry[];
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: string[];
  /**
   * BCP 47 language of the items when it is not the report's (content quoted
   * as recorded, e.g. guiding questions in the language the secretariat
   * wrote them): HTML prints it as `lang`, the PDF as the list's /Lang.
   */
  lang?: string;
}

export interface NoteBlock {
  type: 'note';
  tone: 'info' | 'warning';
  text: string;
}

/**
 * Prose whose words may link somewhere (a State's report) and cite the
 * records they are drawn from: each citation is the number of a footnote in
 * the report's footnotes block. Renderers print the runs in order, a link as
 * a link, citations as superscript numbers.
 */
export interface ProseBlock {
  type: 'prose';
  runs: ProseRun[];
}

export interface ProseRun {
  text: string;
  /** Site-relative or absolute URL; null when the run is plain text. */
  href: string | null;
  /** Footnote numbers (ascending) the run's statement is drawn from. */
  citations: number[];
}

/** What a footnote cites: a validated progress update (of a pledge) or a published expert challenge report. */
export type FootnoteSource = 'update' | 'expert_report';

export interface Footnote {
  /** 1-based, unique within the document. */
  number: number;
  source: FootnoteSource;
  /** The pledge reference (`GCM-P-2026-00042`) or the expert report's id. */
  reference: string;
  /** The progress update's id, or the expert report's id. */
  recordId: string;
  /** The reporting organisation, or the expert report's author. */
  organisation: string;
  /** The cycle of the update; null for expert reports. */
  cycleCode: string | null;
  /** The title of the pledge or of the expert report. */
  title: string;
  /** The words quoted from the record (an excerpt of it). */
  quote: string;
  /** Where the record can be read; null when it has no public page. */
  href: string | null;
}

/** The footnotes of the document's prose, in number order; one block per document. */
export interface FootnotesBlock {
  type: 'footnotes';
  id: string;
  items: Footnote[];
}

/**
 * A chart of figures the section already prints: `tableId` names the table or
 * status distribution (in the same section) that carries the same numbers, and
 * each series names the column its values are read from, so a chart never has
 * numbers of its own (see builders/charts.ts). Renderers draw it as vector
 * graphics beside that table (HTML: inline SVG; PDF: paths); the data annex
 * leaves charts out, the JSON edition keeps them.
 *
 * `bar` and `stacked_bar` are horizontal bars, one row per category; `line`
 * has the categories (cycles, oldest first) along the horizontal axis. Right
 * to left languages are mirrored by the renderers, never here.
 */
export type ChartKind = 'bar' | 'stacked_bar' | 'line';

export interface ChartCategory {
  /** The category's key in the table: a status, an objective number, a cycle code. */
  key: string;
  label: string;
}

export interface ChartSeries {
  /** The table column (or distribution field: `count`) the values come from. */
  column: string;
  label: string;
  /** Parallel to the chart's categories; null where the table has no value. Percent values are ratios (0–1). */
  values: (number | null)[];
}

export interface ChartBlock {
  type: 'chart';
  id: string;
  chart: ChartKind;
  title: string;
  /** The id of the table or status distribution in the same section holding these numbers. */
  tableId: string;
  /** The caption of that table, for the chart's text alternative. */
  tableCaption: string;
  categoryAxis: string;
  valueAxis: string;
  /** How values print: counts, or shares held as ratios (axis 0–100 %). */
  format: 'integer' | 'percent';
  categories: ChartCategory[];
  series: ChartSeries[];
}
