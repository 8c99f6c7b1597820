import { KeyFiguresBlock, ReportDocument, StatusDistributionBlock, TableBlock } from '../model/document.types';
import { handMadeDataset, CYCLE, PREVIOUS, UNVALIDATED_CHALLENGE } from '../testing/hand-made.fixture';
import { buildImrfSummary } from './imrf-summary.builder';

function block<T>(doc: ReportDocument, id: string): T {
  for (const s of doc.sections) for (const b of s.blocks) if ('id' in b && b.id === id) return b as T;
  throw new Error(`no block ${id}`);
}
const section = (doc: ReportDocument, id: string) => doc.sections.find((s) => s.id === id)!;
const figure = (doc: ReportDocument, key: string) => block<KeyFiguresBlock>(doc, 'headline').items.find((i) => i.key === key)!;

describe('buildImrfSummary on the hand-made data set of issue 5', () => {
  const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } });
  const coverage = block<TableBlock>(doc, 'objective-coverage');
  const row = (n: number) => coverage.rows.find((r) => r.objective === n)!;

  it('counts 35 reporting States out of 40 with pledges', () => {
    expect(figure(doc, 'statesWithPledges').value).toBe(40);
    expect(figure(doc, 'reportingStates').value).toBe(35);
    expect(figure(doc, 'reportingRate').value).toBe(35 / 40);
    expect(figure(doc, 'reportingRate').detail).toBe('35 of 40 States with pledges');
  });

  it('finds that 6 of the 35 reporting States reported on objective 8, exactly 6/35', () => {
    expect(row(8).reportingStates).toBe(6);
    expect(row(8).share).toBe(6 / 35);
  });

  it('says "only 17 percent" about objective 8 in the text, as the IMRF note does', () => {
    const texts = section(doc, 'objectives').blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(texts).toContain(
      'Only 17 percent (6 of 35) of reporting States reported on Objective 8: Save lives and establish coordinated international efforts on missing migrants.',
    );
  });

  it('ignores drafts, returned updates, other cycles, stakeholders and withdrawn or future pledges', () => {
    // S6 (draft on 8), S7 (returned on 8), S8 (8 only in 2025-H2) report, but not on 8; the NGO is no State.
    // Objective 9: S3 (second pledge, 8+9), S8 and S29 — S3 is counted once for objective 8 despite two pledges.
    expect(row(9).reportingStates).toBe(3);
    expect(row(3).reportingStates).toBe(2);
    const nonReporting = block<TableBlock>(doc, 'non-reporting-states');
    expect(nonReporting.rows).toHaveLength(5);
    expect(nonReporting.rows.map((r) => r.state)).not.toContain(handMadeDataset().organisations[40].name);
  });

  it('distributes the status of the pledges owing an update, with no_update for the silent ones', () => {
    const dist = block<StatusDistributionBlock>(doc, 'status-distribution');
    const count = (s: string) => dist.entries.find((e) => e.status === s)!.count;
    // 45 pledges owe: 44 State pledges (not p136, withdrawn before the cycle, nor p40, published after its close) and the NGO's.
    expect(dist.total).toBe(45);
    // p01's validated "achieved"; p03's "achieved" awaits validation and is not counted (p03 is among the 8 without a validated update).
    expect(count('achieved')).toBe(1);
    expect(count('delayed')).toBe(1);
    expect(count('no_update')).toBe(8);
    expect(dist.entries.reduce((s, e) => s + e.count, 0)).toBe(dist.total);
  });

  it('lists published expert reports only and practices for the weak objective 8', () => {
    const experts = block<TableBlock>(doc, 'expert-reports');
    expect(experts.rows.map((r) => r.title)).toEqual(['Deaths at sea and the criminalisation of rescue']);
    const practices = block<TableBlock>(doc, 'weak-objective-practices');
    expect(practices.rows.filter((r) => r.objective === 8).map((r) => r.code)).toEqual(['1.2.4', '1.2.9']);
  });

  it('reports gaps: objectives with no pledge and the recommendations nobody addressed', () => {
    const gaps = block<TableBlock>(doc, 'gaps');
    expect(gaps.rows.filter((r) => r.area === 'SG recommendation').map((r) => r.gap)).toEqual(['no pledge', 'no pledge', 'no pledge']);
    expect(gaps.rows.some((r) => r.area === 'Objective' && r.item === '8')).toBe(false);
  });

  it('quotes the challenges of validated updates only, under the pledge primary objective', () => {
    const items = section(doc, 'challenges').blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(items).toEqual([expect.stringContaining('Search and rescue capacity at sea is insufficient')]);
    expect(JSON.stringify(doc)).not.toContain(UNVALIDATED_CHALLENGE);
  });

  it('says in its method note what it counted', () => {
    const notes = section(doc, 'method').blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringContaining('at any time between the start of the cycle\'s period and the close of the cycle'),
      expect.stringContaining('Only validated updates are quoted or measured'),
    ]));
  });

  it('over the span 2025-H2 to 2026-H1, S8 reported on objective 8 too', () => {
    const span = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [PREVIOUS.code, CYCLE.code] } });
    const r8 = block<TableBlock>(span, 'objective-coverage').rows.find((r) => r.objective === 8)!;
    expect(r8.reportingStates).toBe(7);
    expect(span.title).toBe('IMRF summary: progress reported in 2025-H2 to 2026-H1');
  });

  it('is a pure function: same input, equal document', () => {
    expect(buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } })).toEqual(doc);
  });
});

describe('buildImrfSummary in another language', () => {
  it('words its own headings, figures and sentences through the catalogue', () => {
    const doc = buildImrfSummary({ ...handMadeDataset(), language: 'fr', scope: { cycleCodes: [CYCLE.code] } });
    expect(doc.title).toBe(`Synthèse pour le FEMI : progrès signalés en ${CYCLE.code}`);
    const titles = Object.fromEntries(doc.sections.map((s) => [s.id, s.title]));
    expect(titles).toMatchObject({
      overview: 'Vue d’ensemble', status: 'État de la mise en œuvre', objectives: 'Rapports par objectif', themes: 'Rapports par thème de l’ICMPD',
      indicators: 'Progrès des indicateurs', 'non-reporting': 'États n’ayant pas fait rapport', change: 'Évolution depuis le cycle précédent',
      adoption: 'Adoption progressive dans les cinq thèmes',
    });
    expect(figure(doc, 'reportingRate').detail).toBe('35 sur 40 États ayant des engagements');
    const objectives = section(doc, 'objectives').blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(objectives.find((o) => o.includes('objectif 8 :'))).toMatch(/^Seuls 17 % \(6 sur 35\) des États ayant fait rapport l’ont fait sur l’objectif 8 : /);
  });
});
