import { ReportDocument } from '../model/document.types';

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
      bytes = (await import('./html.renderer')).renderHtml(model);
      break;
    case 'csv':
      bytes = (await import('./csv.renderer')).renderCsv(model);
      break;
    case 'pdf':
      bytes = await (await import('./pdf.renderer')).renderPdf(model);
      break;
    case 'xlsx':
      bytes = await (await import('./xlsx.renderer')).renderXlsx(model);
      break;
    default:
      throw new TypeError(`unknown report format ${String(format)}`);
  }
  return { bytes, ...TYPES[format] };
}
