export * from './model/catalogue-input.types';
export * from './model/report-input.types';
export * from './model/report-kind.types';
export * from './model/document.types';
export { buildReport } from './builders/build-report';
export { buildStateReport } from './builders/state.builder';
export { buildObjectiveReport } from './builders/objective.builder';
export { buildThemeReport } from './builders/theme.builder';
export { buildRegionReport } from './builders/region.builder';
export { buildRoundTableReport } from './builders/round-table.builder';
export { buildImrfSummary } from './builders/imrf-summary.builder';
export {
  indicatorProgress, isCounted, objectiveCoverage, reportingFacts, reportingRate, share, statusDistribution, wholePercent,
} from './builders/statistics';
export type { IndicatorProgress, ProgressFlag, ReportingFacts, Share } from './builders/statistics';
export { DEFAULT_PARAMETERS } from './builders/shared-sections';
export { REPORT_FORMATS, renderReport } from './renderers/render-report';
export type { RenderedReport, ReportFormat } from './renderers/render-report';
export { renderInWorkerThread } from './renderers/render-thread';
export type { RenderThreadOptions } from './renderers/render-thread';
export { canonicalJson, contentHash, renderJson } from './renderers/json.renderer';
export { escapeHtml, renderHtml } from './renderers/html.renderer';
export { renderPdf } from './renderers/pdf.renderer';
export { renderCsv, renderCsvTables } from './renderers/csv.renderer';
export { renderXlsx } from './renderers/xlsx.renderer';
export * from './runs';
