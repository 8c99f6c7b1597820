import { distributionById, sectionById, sectionTexts } from '../testing/document-query';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { buildRoundTableReport } from './round-table.builder';

describe('buildRoundTableReport for RT2', () => {
  const doc = buildRoundTableReport({ ...handMadeDataset(), scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });

  it('follows the background note: introduction, overview of progress, guiding questions', () => {
    expect(doc.sections.map((s) => s.title)).toEqual(['1. Introduction', '2. Overview of progress', '3. Guiding questions', 'Notes on method']);
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
});
