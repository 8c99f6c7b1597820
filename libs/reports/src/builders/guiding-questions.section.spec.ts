import { sectionById, sectionTexts } from '../testing/document-query';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { buildObjectiveReport } from './objective.builder';
import { buildRoundTableReport } from './round-table.builder';

describe('guiding questions in the round-table and objective reports', () => {
  const data = handMadeDataset();
  const rt2 = data.catalogue.roundTables.find((r) => r.code === 'RT2')!;
  rt2.guidingQuestions = [
    { objective: 9, text: 'What effective practices have Member States implemented to prevent and counter the smuggling of migrants?' },
    ...(rt2.guidingQuestions ?? []),
  ];

  it('prints the round table questions per objective, in objective order, under "3. Guiding questions"', () => {
    const doc = buildRoundTableReport({ ...data, scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });
    expect(sectionById(doc, 'guiding-questions').title).toBe('3. Guiding questions');
    const texts = sectionTexts(doc, 'guiding-questions');
    expect(texts.filter((t) => t.startsWith('Objective '))).toEqual(['Objective 8: Saving lives and missing migrants', 'Objective 9: Smuggling of migrants']);
    expect(texts[4]).toMatch(/^What effective practices/);
  });

  it('words the section in the report language, the questions as recorded', () => {
    const doc = buildRoundTableReport({ ...data, language: 'fr', scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });
    expect(sectionById(doc, 'guiding-questions').title).toBe('3. Questions directrices');
    expect(sectionTexts(doc, 'guiding-questions')).toContain('What effective practices have Member States implemented to prevent and counter the smuggling of migrants?');
  });

  it('says so when a round table has none', () => {
    const doc = buildRoundTableReport({ ...data, scope: { roundTable: 'RT1', cycleCodes: [CYCLE.code] } });
    expect(sectionTexts(doc, 'guiding-questions')).toEqual(['No guiding questions have been recorded for this round table.']);
  });

  it('prints in the objective report the questions its round table puts on it', () => {
    const doc = buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: CYCLE.code } });
    const texts = sectionTexts(doc, 'guiding-questions');
    expect(texts[0]).toBe('Questions put to Round table 2 on Objective 8:');
    expect(texts.slice(1)).toEqual(rt2.guidingQuestions!.filter((q) => q.objective === 8).map((q) => q.text));
    const none = buildObjectiveReport({ ...data, scope: { objective: 1, cycleCode: CYCLE.code } });
    expect(sectionTexts(none, 'guiding-questions')).toEqual(['No guiding questions have been recorded for Objective 1.']);
  });
});
