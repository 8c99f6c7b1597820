import { ReportDataset } from '../model/report-input.types';
import { testCatalogue } from '../testing/catalogue.fixture';
import { sectionById, sectionTexts, tableById } from '../testing/document-query';
import { halfYearCycle, pledge, stakeholderOrganisation, stateOrganisation, update } from '../testing/factories';
import { buildImrfSummary } from './imrf-summary.builder';
import { reportingFacts, objectiveWeakness } from './statistics';

/**
 * Five reporting States: objective 1 reported on by one of them (20 %),
 * objective 2 by four (80 %), objective 3 pledged by a State that did not
 * report, objective 5 only by a stakeholder that reported; every other
 * objective has no pledge at all.
 */
function dataset(): ReportDataset {
  const cycle = halfYearCycle(2026, 1);
  const states = ['FRA', 'ITA', 'DEU', 'ESP', 'PRT', 'BEL'].map((a3) => stateOrganisation(a3, a3));
  const ngo = stakeholderOrganisation('org-ngo', 'An NGO', 'civil_society');
  const pledges = [
    pledge('p1', states[0].id, [1]),
    ...states.slice(1, 5).map((s, i) => pledge(`p${i + 2}`, s.id, [2])),
    pledge('p9', states[5].id, [3]),
    pledge('p10', ngo.id, [5]),
  ];
  const updates = pledges.filter((p) => p.id !== 'p9').map((p) => update(p, cycle));
  return {
    snapshot: { id: 'weakness', takenAt: '2026-09-30T00:00:00.000Z', frameworkVersion: 1 },
    catalogue: testCatalogue(), cycles: [cycle], organisations: [...states, ngo], pledges, updates, expertReports: [], practices: [],
  };
}

describe('the three weakness lists', () => {
  const data = dataset();
  const cycleCodes = ['2026-H1'];

  it('keeps objectives with no pledge, pledged but not reported on, and weakly reported apart (one rule)', () => {
    const byId = new Map(data.pledges.map((p) => [p.id, p]));
    const facts = reportingFacts(data.pledges, data.updates, byId, (id) => id.startsWith('org-') && id !== 'org-ngo');
    const w = objectiveWeakness(facts, data.pledges, data.updates, Array.from({ length: 23 }, (_, i) => i + 1), 0.25);
    expect(w.notReported).toEqual([3]);
    expect(w.noPledge).toEqual([4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(w.weak.map((x) => [x.objective, x.coverage.numerator, x.coverage.denominator])).toEqual([[1, 1, 5], [5, 0, 5]]);
  });

  it('prints the three lists in the IMRF summary gaps section, and its table agrees with them', () => {
    const doc = buildImrfSummary({ ...data, scope: { cycleCodes } });
    const texts = sectionTexts(doc, 'gaps');
    expect(texts).toContain('Objectives with no pledge (19)');
    expect(texts).toContain('Objectives pledged but not reported on (1)');
    expect(texts).toContain('Objectives reported on by fewer than 25 percent of the reporting States (2)');
    expect(texts).toContain('Objective 1: Collect and utilize accurate and disaggregated data as a basis for evidence-based policies: 1 of 5 reporting States (20 percent)');
    const summary = tableById(doc, 'gap-summary').rows.find((r) => r.area === 'Objective')!;
    expect(summary).toMatchObject({ noPledge: 19, noUpdate: 1 });
    // The practices section and the method note use the same rule and threshold.
    expect(sectionTexts(doc, 'practices')[0]).toContain('fewer than 25 percent of the reporting States (2)');
    expect(sectionTexts(doc, 'method').join(' ')).toContain('by fewer than 25 percent of the reporting States (the REPORT_WEAK_OBJECTIVE_SHARE setting)');
  });

  it('follows the configured share and records it in the document', () => {
    const doc = buildImrfSummary({ ...data, scope: { cycleCodes }, parameters: { weakObjectiveShare: 0.9 } });
    expect(doc.metadata.parameters.weakObjectiveShare).toBe(0.9);
    expect(sectionTexts(doc, 'gaps')).toContain('Objectives reported on by fewer than 90 percent of the reporting States (3)');
  });

  it('words the lists in the report language', () => {
    const doc = buildImrfSummary({ ...data, scope: { cycleCodes }, language: 'fr' });
    expect(sectionById(doc, 'gaps').title).toBe('Lacunes');
    expect(sectionTexts(doc, 'gaps')).toContain('Objectifs sans engagement (19)');
  });
});
