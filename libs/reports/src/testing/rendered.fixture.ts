import { buildImrfSummary } from '../builders/imrf-summary.builder';
import { buildObjectiveReport } from '../builders/objective.builder';
import { ReportDocument } from '../model/document.types';
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
