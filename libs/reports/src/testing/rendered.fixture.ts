import { buildImrfSummary } from '../builders/imrf-summary.builder';
import { buildObjectiveReport } from '../builders/objective.builder';
import { buildStateReport } from '../builders/state.builder';
import { ReportDocument } from '../model/document.types';
import { ReportDataset } from '../model/report-input.types';
import { indicator } from './factories';
import { CYCLE, handMadeDataset } from './hand-made.fixture';

export const HOSTILE_TITLE = `<script>alert("x")</script> & 'Türkiye – Ελλάδα' ✓`;
export const FORMULA_TITLE = '=HYPERLINK("http://example.invalid","click")';

/** The hand-made IMRF summary: what the renderer specs compare against. */
export function handMadeSummary(): ReportDocument {
  return buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } });
}

/** An objective report whose pledge titles hold markup, non-Latin script and a spreadsheet formula. */
export function hostileObjectiveReport(): ReportDocument {
  const data = handMadeDataset();
  data.pledges = data.pledges.map((p) => (p.id === 'p00' ? { ...p, title: HOSTILE_TITLE } : p.id === 'p01' ? { ...p, title: FORMULA_TITLE } : p));
  return buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: CYCLE.code } });
}

/**
 * The hand-made data set with pledge p05 (Argentina, objective 8) given
 * indicators as focal points write them: long names, units such as
 * "municipalities", thousands in baseline and target, one never measured.
 */
export function withRealisticIndicators(data = handMadeDataset()): ReportDataset {
  const p05 = data.pledges.find((p) => p.id === 'p05')!;
  p05.title = 'National search and identification mechanism for missing migrants in border municipalities';
  p05.indicators.push(
    indicator('i05b', {
      name: 'Border municipalities with a family liaison desk for relatives of missing migrants', unit: 'municipalities',
      baseline: { value: 12, date: '2025-01-01' }, target: { value: 2500, date: '2028-12-31' },
    }),
    indicator('i05c', {
      name: 'Remains identified and returned to families', unit: 'percent of recovered remains',
      baseline: { value: 35.5, date: '2025-01-01' }, target: { value: 80, date: '2028-12-31' },
    }),
  );
  data.updates.find((u) => u.pledgeId === 'p05')!.measurements.push({ indicatorId: 'i05b', value: 1400, asOf: '2026-06-30', note: null });
  return data;
}

/** Argentina's State report for 2026-H1, with the indicators above. */
export function stateReportWithIndicators(): ReportDocument {
  const data = withRealisticIndicators();
  return buildStateReport({ ...data, scope: { organisationId: data.pledges.find((p) => p.id === 'p05')!.leadOrganisationId, cycleCode: CYCLE.code } });
}
