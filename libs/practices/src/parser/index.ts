export * from './practice.types';
export { parsePracticesReport } from './practices-report.parser';
export { extractEmails } from './field-text';
export { cleanInline, normaliseForComparison } from './text-cleanup';
