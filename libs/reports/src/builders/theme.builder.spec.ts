import { ReportInputError } from '../model/report-kind.types';
import { figureValue, sectionTexts, tableById } from '../testing/document-query';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { buildThemeReport } from './theme.builder';

describe('buildThemeReport', () => {
  const data = handMadeDataset();
  data.pledges[0] = { ...data.pledges[0], commitments: ['T1.C2'] };
  const doc = buildThemeReport({ ...data, scope: { theme: 1, cycleCode: CYCLE.code } });

  it('rolls up pledges under their primary theme only', () => {
    // Objective 8's primary theme is T1: its 12 pledges owe, plus the T1-primary objectives of the others.
    const primaryT1 = data.pledges.filter((p) => [4, 7, 8, 12, 13, 15].includes(p.primaryObjective) && !['p136', 'p40'].includes(p.id));
    expect(figureValue(doc, 'pledges')).toBe(primaryT1.length);
  });

  it('lists the objectives of the theme, primary ones first, with coverage among all reporting States', () => {
    const rows = tableById(doc, 'objective-coverage').rows;
    expect(rows.map((r) => r.objective)).toEqual([4, 7, 8, 12, 13, 15, 6, 10, 14, 17]);
    expect(rows.find((r) => r.objective === 8)).toMatchObject({ reportingStates: 6, share: 6 / 35 });
  });

  it('counts pledges per actionable commitment and names the unaddressed ones', () => {
    const rows = tableById(doc, 'commitments').rows;
    expect(rows.map((r) => [r.code, r.pledges, r.updates])).toEqual([['T1.C1', 0, 0], ['T1.C2', 1, 1], ['T1.C3', 0, 0]]);
    expect(sectionTexts(doc, 'commitments')).toContain('No pledge addresses T1.C1, T1.C3.');
  });

  it('refuses a theme not in the catalogue', () => {
    expect(() => buildThemeReport({ ...data, scope: { theme: 9, cycleCode: CYCLE.code } })).toThrow(ReportInputError);
  });
});
