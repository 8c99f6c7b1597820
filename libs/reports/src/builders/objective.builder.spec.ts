import { distributionById, figureValue, sectionTexts, statusCount, tableById } from '../testing/document-query';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { buildObjectiveReport } from './objective.builder';

describe('buildObjectiveReport for objective 8', () => {
  const doc = buildObjectiveReport({ ...handMadeDataset(), scope: { objective: 8, cycleCode: CYCLE.code } });

  it('is titled with the official objective title', () => {
    expect(doc.title).toBe('Objective 8: Save lives and establish coordinated international efforts on missing migrants');
  });

  it('computes the coverage share of the whole cycle: 6 of 35 reporting States', () => {
    expect(figureValue(doc, 'coverage')).toBe(6 / 35);
    expect(sectionTexts(doc, 'summary')).toContain('In 2026-H1, 17 percent (6 of 35) of the States that reported at all reported on Objective 8.');
  });

  it('lists every aligned pledge owing an update, primary or not, and their status', () => {
    const rows = tableById(doc, 'pledges').rows;
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r.reference === 'GCM-P-2025-00002')).toMatchObject({ primary: false, status: 'Delayed', late: true });
    expect(rows.find((r) => r.reference === 'GCM-P-2025-00035')).toMatchObject({ status: 'No validated update', late: null });
    const dist = distributionById(doc, 'status-distribution');
    expect(dist.total).toBe(12);
    expect(statusCount(dist, 'no_update')).toBe(4);
  });

  it('links practices, published expert reports and challenges', () => {
    // Ranked by relevance to what was reported; the briefly referred card after the fully described one.
    expect(tableById(doc, 'practices').rows.map((r) => r.code)).toEqual(['1.2.4', '1.2.9']);
    expect(tableById(doc, 'expert-reports').rows).toHaveLength(1);
    expect(sectionTexts(doc, 'challenges')[0]).toBe('1 update reported challenges on Objective 8.');
  });
});
