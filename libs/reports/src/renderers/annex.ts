import { Cell, ColumnType, ReportDocument, RichBlock, TableColumn } from '../model/document.types';
import { reportText } from '../i18n/report-text';
import { richPlainLines } from './editorial';

/**
 * Every data-bearing block of a document as a plain table, in document order:
 * key figures, status distributions and tables. CSV and XLSX are both written
 * from this, so the two annexes cannot disagree.
 */
export interface AnnexTable {
  sectionId: string;
  id: string;
  caption: string;
  columns: TableColumn[];
  rows: Record<string, Cell>[];
  /**
   * Per-row types that override a column's, parallel to `rows`: a key figure's
   * value is a count on one row and a share on the next.
   */
  rowTypes?: Partial<Record<string, ColumnType>>[];
}

/** The type of one cell: the row's override, else its column's. */
export function cellType(t: AnnexTable, row: number, column: TableColumn): ColumnType {
  return t.rowTypes?.[row]?.[column.key] ?? column.type;
}

/**
 * Captions and column labels are in the report language (the report message
 * catalogue); column keys stay the same in every language, so a script that
 * reads one edition's annex reads all six.
 */
export function annexTables(doc: ReportDocument): AnnexTable[] {
  const rt = reportText(doc.metadata.language);
  const out: AnnexTable[] = [];
  const editorial = editorialTable(doc);
  if (editorial) out.push(editorial);
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.type === 'table') out.push({ sectionId: s.id, id: b.id, caption: b.caption, columns: b.columns, rows: b.rows });
      else if (b.type === 'key_figures') {
        out.push({
          sectionId: s.id, id: b.id, caption: rt.t('keyFigures', { section: s.title }),
          columns: [col('key', rt.t('key'), 'text'), col('label', rt.figure, 'text'), col('value', rt.value, 'number'), col('format', rt.t('format'), 'text'),
            col('detail', rt.detail, 'text')],
          rows: b.items.map((f) => ({ key: f.key, label: f.label, value: f.value, format: f.format, detail: f.detail })),
          rowTypes: b.items.map((f) => ({ value: f.format })),
        });
      } else if (b.type === 'status_distribution') {
        out.push({
          sectionId: s.id, id: b.id, caption: b.caption,
          columns: [col('status', rt.status, 'text'), col('label', rt.t('label'), 'text'), col('count', rt.pledges, 'integer'), col('share', rt.share, 'percent')],
          rows: b.entries.map((e) => ({ status: e.status, label: e.label, count: e.count, share: e.ratio })),
        });
      } else if (b.type === 'footnotes') {
        // The sources the prose cites, so the data annex carries every citation the HTML and PDF print.
        out.push({
          sectionId: s.id, id: b.id, caption: rt.t('sourcesCited', { section: s.title }),
          columns: [col('number', rt.t('colFootnote'), 'integer'), col('source', rt.t('colSource'), 'text'), col('reference', rt.t('colReference'), 'text'),
            col('recordId', rt.t('colRecord'), 'text'), col('organisation', rt.t('colOrganisation'), 'text'), col('cycle', rt.t('colCycle'), 'text'),
            col('title', rt.t('colTitle'), 'text'), col('quote', rt.t('colQuote'), 'text'), col('href', rt.t('colLink'), 'text')],
          rows: b.items.map((f) => ({ number: f.number, source: f.source, reference: f.reference, recordId: f.recordId, organisation: f.organisation,
            cycle: f.cycleCode, title: f.title, quote: f.quote, href: f.href })),
        });
      }
    }
  }
  return out;
}

function col(key: string, label: string, type: ColumnType): TableColumn {
  return { key, label, type };
}

/**
 * The editorial text, one row per paragraph, heading or list item, so an
 * annex read on its own carries the secretariat's introduction and
 * commentary with the figures (`section` is `introduction` or the id of the
 * section commented on).
 */
function editorialTable(doc: ReportDocument): AnnexTable | null {
  const e = doc.editorial;
  if (!e) return null;
  const rt = reportText(doc.metadata.language);
  const parts: [string, RichBlock[]][] = [['introduction', e.introduction], ...doc.sections.map((s): [string, RichBlock[]] => [s.id, e.commentary[s.id] ?? []])];
  const rows = parts.flatMap(([section, blocks]) => richPlainLines(blocks).map((text, i) => ({ section, paragraph: i + 1, text })));
  if (rows.length === 0) return null;
  return {
    sectionId: 'editorial', id: 'editorial', caption: `${rt.t('editorialIntroduction')}, ${rt.t('editorialCommentary')}`,
    columns: [col('section', rt.t('colSection'), 'text'), col('paragraph', rt.t('colParagraph'), 'identifier'), col('text', rt.t('colText'), 'text')],
    rows,
  };
}
