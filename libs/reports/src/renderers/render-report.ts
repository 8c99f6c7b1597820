import { ReportDocument } from '../model/document.types';
import { renderCsv } from './csv.renderer';
import { renderHtml } from './html.renderer';
import { renderJson } from './json.renderer';
import { renderPdf } from './pdf.renderer';
import { renderXlsx } from './xlsx.renderer';

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

/** Renders on the calling thread; see renderInWorkerThread for PDF and XLSX in a worker. */
export async function renderReport(model: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
  let bytes: Buffer;
  switch (format) {
    case 'json':
      bytes = renderJson(model);
      break;
    case 'html':
      bytes = renderHtml(model);
      break;
    case 'csv':
      bytes = renderCsv(model);
      break;
    case 'pdf':
      bytes = await renderPdf(model);
      break;
    case 'xlsx':
      bytes = await renderXlsx(model);
      break;
    default:
      throw new TypeError(`unknown report format ${String(format)}`);
  }
  return { bytes, ...TYPES[format] };
}
