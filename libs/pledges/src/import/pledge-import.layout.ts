import type { ColumnSpec } from '@gcm/platform';

/** The secretariat's bulk pledge file: one row per pledge (with at most one indicator), as a CSV or the "Pledges" sheet of an XLSX. */
export const PLEDGE_IMPORT_SHEET = 'Pledges';
export const PLEDGE_IMPORT_KIND = 'pledge_import';
export const PLEDGE_IMPORT_MAX_ROWS = 2000;

export const PLEDGE_IMPORT_COLUMNS: ColumnSpec[] = [
  { key: 'title', heading: 'Title' },
  { key: 'description', heading: 'Description' },
  { key: 'form', heading: 'Form' },
  { key: 'objectives', heading: 'Objectives' },
  { key: 'principles', heading: 'Principles' },
  { key: 'recommendations', heading: 'Recommendations' },
  { key: 'commitments', heading: 'Commitments' },
  { key: 'countries', heading: 'Countries' },
  { key: 'startDate', heading: 'Start date' },
  { key: 'targetDate', heading: 'Target date' },
  { key: 'budgetAmount', heading: 'Budget' },
  { key: 'currency', heading: 'Currency' },
  { key: 'indicator', heading: 'Indicator' },
  { key: 'unit', heading: 'Unit' },
  { key: 'direction', heading: 'Direction' },
  { key: 'baselineValue', heading: 'Baseline' },
  { key: 'baselineDate', heading: 'Baseline date' },
  { key: 'targetValue', heading: 'Target' },
  { key: 'indicatorTargetDate', heading: 'Target value date' },
];

/** Where a normaliser field error belongs (its first path segment, or the whole path). */
export const FIELD_COLUMN: Record<string, string> = {
  title: 'title', description: 'description', form: 'form', 'alignment.objectives': 'objectives', 'alignment.principles': 'principles',
  'alignment.recommendations': 'recommendations', 'alignment.commitments': 'commitments', 'alignment.themes': 'objectives', alignment: 'objectives',
  'scope.countries': 'countries', scope: 'countries', startDate: 'startDate', targetDate: 'targetDate', budget: 'budgetAmount', 'budget.currency': 'currency',
  indicators: 'indicator',
};

export function columnForField(field: string): string {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).filter((p) => !/^\d+$/.test(p)).join('.');
    if (FIELD_COLUMN[key]) return FIELD_COLUMN[key];
  }
  if (field.startsWith('indicators')) return 'indicator';
  return 'title';
}
