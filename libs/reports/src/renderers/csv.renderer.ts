import { neutraliseFormula } from '@gcm/platform/pure';
import { Cell, ReportDocument } from '../model/document.types';
import { reportText } from '../i18n/report-text';
import { annexTables, cellType } from './annex';

/** Field names of the tidy annex: the same in every language (what a script reads), unlike captions and labels. */
const HEADER = ['section', 'table', 'caption', 'row', 'column', 'label', 'type', 'value'];

function raw(value: Cell): string | number {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/**
 * The data annex as one tidy CSV (RFC 4180, UTF-8 with a byte order mark): one line per cell, so
 * tables of different shapes share a file and load straight into a data frame.
 * Values are raw: shares are the exact ratio 0–1 (type `percent`), not rounded.
 */
export function renderCsv(doc: ReportDocument): Buffer {
  const records: (string | number)[][] = [HEADER, ...provenanceRecords(doc)];
  for (const t of annexTables(doc)) {
    t.rows.forEach((r, i) => {
      for (const c of t.columns) records.push([t.sectionId, t.id, neutraliseFormula(t.caption), i + 1, c.key, neutraliseFormula(c.label), cellType(t, i, c), raw(r[c.key])]);
    });
  }
  return Buffer.from(BOM + csvText(records), 'utf8');
}

const MUST_QUOTE = /[",\r\n]/;

/**
 * RFC 4180 records, CRLF after each: a field holding a comma, a quote or a
 * line break is quoted, its quotes doubled. One annex line per cell makes
 * this the hot loop of the CSV annex, so it is written out here rather than
 * through csv-stringify's per-field option handling (the same bytes, except
 * that a bare LF or CR inside a field is quoted here, as RFC 4180 requires,
 * where csv-stringify with CRLF records left it bare and broke the line).
 */
export function csvText(records: (string | number)[][]): string {
  let out = '';
  for (const record of records) {
    for (let i = 0; i < record.length; i++) {
      const v = record[i];
      const text = typeof v === 'number' ? String(v) : MUST_QUOTE.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
      out += i === 0 ? text : `,${text}`;
    }
    out += '\r\n';
  }
  return out;
}

/**
 * Where the figures come from, as the first lines of the annex (section and
 * table `provenance`): the snapshot, the time the data was read, the
 * framework version and the editorial revision the edition carries; keys
 * fixed, labels in the report language.
 */
function provenanceRecords(doc: ReportDocument): (string | number)[][] {
  const s = doc.metadata.snapshot;
  const rt = reportText(doc.metadata.language);
  const facts: [string, string, string | number][] = [
    ['snapshot_id', rt.t('snapshot'), s.id],
    ['data_as_of', rt.t('dataAsOf'), s.takenAt],
    ['framework_version', rt.t('frameworkVersion'), s.frameworkVersion],
    ['language', rt.t('language'), doc.metadata.language],
    ...(doc.editorial ? [['editorial_revision', rt.t('editorialRevision'), doc.editorial.revision] as [string, string, number]] : []),
  ];
  const caption = rt.t('provenance');
  return facts.map(([key, label, value]) => ['provenance', 'provenance', caption, 1, key, label, typeof value === 'number' ? 'integer' : key === 'data_as_of' ? 'date' : 'text', typeof value === 'string' ? neutraliseFormula(value) : value]);
}

/** A byte order mark, so spreadsheet programs open the UTF-8 annex as UTF-8 (Arabic, Chinese, Cyrillic, accents). */
const BOM = '\ufeff';

/** The same tables, one wide CSV each (header row of labels), named `<table id>.csv`. */
export function renderCsvTables(doc: ReportDocument): { name: string; bytes: Buffer }[] {
  const seen = new Map<string, number>();
  return annexTables(doc).map((t) => {
    const n = (seen.get(t.id) ?? 0) + 1;
    seen.set(t.id, n);
    const records = [t.columns.map((c) => neutraliseFormula(c.label)), ...t.rows.map((r) => t.columns.map((c) => raw(r[c.key])))];
    return { name: `${n === 1 ? t.id : `${t.id}-${n}`}.csv`, bytes: Buffer.from(BOM + csvText(records), 'utf8') };
  });
}
