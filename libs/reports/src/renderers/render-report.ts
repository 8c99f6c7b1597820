import { Block, ReportDocument } from '../model/document.types';

export const REPORT_FORMATS = ['json', 'html', 'pdf', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  bytes: Buffer;
  contentType: string;
  extension: string;
}

const TYPES: Record<ReportFormat, { contentType: string; extension: string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
};

/**
 * The document as the reading editions (HTML, PDF) print it: a table with
 * `printed` keeps its first rows, followed by its note; the data editions
 * (JSON, CSV, XLSX) render the document whole.
 */
export function printEdition(model: ReportDocument): ReportDocument {
  const cut = (b: Block): Block[] => {
    if (b.type !== 'table' || !b.printed || b.rows.length <= b.printed.rows) return [b];
    const { printed, ...rest } = b;
    const kept = { ...rest, rows: b.rows.slice(0, printed.rows), ...(b.links ? { links: b.links.slice(0, printed.rows) } : {}) };
    return [kept, { type: 'note', tone: 'info', text: printed.note }];
  };
  if (!model.sections.some((s) => s.blocks.some((b) => b.type === 'table' && b.printed))) return model;
  return { ...model, sections: model.sections.map((s) => ({ ...s, blocks: s.blocks.flatMap(cut) })) };
}

/**
 * Renders on the calling thread; see renderInWorkerThread for PDF and XLSX in
 * a worker. Renderers load on first use, so a render thread only pays for the
 * library it needs (exceljs alone takes longer to load than a summary PDF to draw).
 */
export async function renderReport(model: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
  let bytes: Buffer;
  switch (format) {
    case 'json':
      bytes = (await import('./json.renderer')).renderJson(model);
      break;
    case 'html':
      bytes = (await import('./html.renderer')).renderHtml(printEdition(model));
      break;
    case 'csv':
      bytes = (await import('./csv.renderer')).renderCsv(model);
      break;
    case 'pdf':
      bytes = await (await import('./pdf.renderer')).renderPdf(printEdition(model));
      break;
    case 'xlsx':
      bytes = await (await import('./xlsx.renderer')).renderXlsx(model);
      break;
    default:
      throw new TypeError(`unknown report format ${String(format)}`);
  }
  return { bytes, ...TYPES[format] };
}
