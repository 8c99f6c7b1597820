import { distributionById, sectionById, sectionTexts } from '../testing/document-query';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { buildReport } from './build-report';
import { buildRoundTableReport } from './round-table.builder';

describe('buildRoundTableReport for RT2', () => {
  const doc = buildRoundTableReport({ ...handMadeDataset(), scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });

  it('follows the background note: introduction, overview of progress, guiding questions', () => {
    expect(doc.sections.map((s) => s.title)).toEqual(['1. Introduction', '2. Overview of progress', '3. Guiding questions', 'Change since the last cycle', 'Notes on method']);
    expect(sectionTexts(doc, 'introduction')[0]).toContain('implementation of objectives 4, 8, 9, 10, 11, 13 and 21 of the Global Compact');
  });

  it('gives each objective a heading, the coverage statistic and a status distribution', () => {
    const texts = sectionTexts(doc, 'progress');
    expect(texts).toContain('Objective 8: Save lives and establish coordinated international efforts on missing migrants');
    expect(texts.find((t) => t.startsWith('12 pledges from 11 organisations are aligned with Objective 8.'))).toContain(
      'Only 17 percent (6 of 35) of the States that reported in 2026-H1 reported on Objective 8.',
    );
    expect(distributionById(doc, 'status-8').total).toBe(12);
    expect(sectionById(doc, 'progress').blocks.filter((b) => b.type === 'heading' && b.level === 3)).toHaveLength(7);
  });

  it('carries the guiding questions recorded for the round table', () => {
    expect(sectionTexts(doc, 'guiding-questions')).toEqual([
      'Objective 8: Saving lives and missing migrants',
      expect.stringContaining('What steps can be taken to prevent migrant deaths'),
      expect.stringContaining('bottlenecks to the provision of life-saving humanitarian assistance'),
    ]);
  });

  it('names the forum once when the catalogue title already does, as the seeded one ("IMRF 2022 round table 2") does', () => {
    const data = handMadeDataset();
    data.catalogue.roundTables = data.catalogue.roundTables.map((rt) => ({ ...rt, title: `IMRF 2022 round table ${rt.number}` }));
    const seeded = buildRoundTableReport({ ...data, scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });
    expect(seeded.title).toBe('IMRF 2022 round table 2: background note');
    expect(sectionTexts(seeded, 'introduction')[0]).toMatch(/^Round table 2 of the International Migration Review Forum \(2022\) offers/);
    expect(doc.title).toBe('IMRF Round table 2: background note');
  });

  it('repeats no word in the title of any kind of report', () => {
    const data = handMadeDataset();
    data.catalogue.roundTables = data.catalogue.roundTables.map((rt) => ({ ...rt, title: `IMRF 2022 round table ${rt.number}` }));
    const scopes = {
      round_table: { roundTable: 'RT2', cycleCodes: [CYCLE.code] }, imrf_summary: { cycleCodes: [CYCLE.code] },
      objective: { objective: 8, cycleCode: CYCLE.code }, theme: { theme: 1, cycleCode: CYCLE.code },
      region: { m49: '002', cycleCode: CYCLE.code }, state: { organisationId: data.organisations[0].id, cycleCode: CYCLE.code },
    } as const;
    for (const [kind, scope] of Object.entries(scopes)) {
      const built = buildReport(kind as keyof typeof scopes, { ...data, scope } as never);
      expect({ kind, doubled: /\b(\w+)\W+\1\b/i.exec(built.title)?.[0] ?? null }).toEqual({ kind, doubled: null });
    }
  });
});
