import { ReportDataset } from '../model/report-input.types';
import { testCatalogue } from '../testing/catalogue.fixture';
import { at10, halfYearCycle, pledge, stateOrganisation, update } from '../testing/factories';
import { DatasetIndex } from './dataset-index';
import { buildImrfSummary } from './imrf-summary.builder';
import { buildObjectiveReport } from './objective.builder';

const H1 = halfYearCycle(2026, 1); // period January–June, deadline 14 August, closed that evening
const fra = stateOrganisation('FRA', 'France');

/** The first cycle of a platform: every pledge is published in the submission window (issue 10). */
function firstCycle(): ReportDataset {
  const inWindow = pledge('p1', fra.id, [8], { publishedAt: at10('2026-07-20') });
  const second = pledge('p2', fra.id, [8, 3], { publishedAt: at10('2026-08-01') });
  return {
    snapshot: { id: 's', takenAt: '2026-09-01T00:00:00.000Z', frameworkVersion: 1 },
    catalogue: testCatalogue(),
    cycles: [H1],
    organisations: [fra],
    pledges: [inWindow, second],
    updates: [update(inWindow, H1, { status: 'achieved' }), update(second, H1, { lifecycle: 'submitted', status: 'achieved' })],
    expertReports: [],
    practices: [],
  };
}

describe('DatasetIndex: the cycle population in memory', () => {
  it('counts pledges published in the submission window (after the period, before the close)', () => {
    const data = firstCycle();
    const index = new DatasetIndex(data);
    expect(data.pledges.map((p) => index.isExpected(p, H1))).toEqual([true, true]);
    expect(index.isExpected(pledge('late', fra.id, [8], { publishedAt: '2026-08-14T18:00:00.001Z' }), H1)).toBe(false);
    expect(index.isExpected(pledge('open', fra.id, [8], { publishedAt: at10('2026-12-01') }), { ...H1, closedAt: null })).toBe(true);
  });

  it('keeps a pledge withdrawn during the cycle, drops one withdrawn before it began', () => {
    const index = new DatasetIndex(firstCycle());
    expect(index.isExpected(pledge('w1', fra.id, [8], { withdrawnAt: at10('2026-03-01') }), H1)).toBe(true);
    expect(index.isExpected(pledge('w2', fra.id, [8], { withdrawnAt: '2026-01-01T00:00:00.000Z' }), H1)).toBe(true);
    expect(index.isExpected(pledge('w3', fra.id, [8], { withdrawnAt: '2025-12-31T23:59:59.999Z' }), H1)).toBe(false);
  });

  it('reports those pledges in the summary and the objective report; the unvalidated status counts as reported only', () => {
    const data = firstCycle();
    const summary = buildImrfSummary({ ...data, scope: { cycleCodes: [H1.code] } });
    const figures = summary.sections[0].blocks.flatMap((b) => (b.type === 'key_figures' ? b.items : []));
    const value = (key: string) => figures.find((f) => f.key === key)?.value;
    expect([value('statesWithPledges'), value('reportingStates'), value('pledgesOwing'), value('updates')]).toEqual([1, 1, 2, 2]);
    const dist = summary.sections.find((s) => s.id === 'status')!.blocks.find((b) => b.type === 'status_distribution')!;
    expect(dist.type === 'status_distribution' && dist.entries.filter((e) => e.count > 0).map((e) => [e.status, e.count])).toEqual([['achieved', 1], ['no_update', 1]]);
    const objective = buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: H1.code } });
    const pledges = objective.sections.flatMap((s) => s.blocks).find((b) => b.type === 'table' && b.id === 'pledges');
    expect(pledges?.type === 'table' && pledges.rows.map((r) => r.status)).toEqual(['Achieved', 'No validated update']);
  });
});
