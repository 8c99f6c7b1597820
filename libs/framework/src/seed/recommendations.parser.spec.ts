import { readFileSync } from 'fs';
import * as path from 'path';
import { parseRecommendations } from './recommendations.parser';

const SOURCES = path.join(__dirname, '../../../../seeds/sources');

describe('parseRecommendations', () => {
  describe('on the IOM brief (000_d9533cfaee099a21.txt)', () => {
    const recs = parseRecommendations(readFileSync(path.join(SOURCES, '000_d9533cfaee099a21.txt'), 'utf8'));

    it('finds paragraphs 101, 102 and 103 with their short titles', () => {
      expect(recs.map((r) => r.paragraph)).toEqual([101, 102, 103]);
      expect(recs[0].shortTitle).toBe('Increase cooperation to expand and diversify rights-based pathways for regular migration');
      expect(recs[1].shortTitle).toBe('Ensure compliance with the obligation of non-refoulement at borders');
      expect(recs[2].shortTitle).toBe(
        'Uphold the right to proof of legal identity for all migrants, regardless of status, and facilitate access to services, participation and protection of rights',
      );
    });

    it('collects the considerations under each, across blank lines', () => {
      expect(recs.map((r) => r.considerations.length)).toEqual([5, 4, 1]);
      expect(recs[0].considerations[0]).toMatch(/^Adapt existing regular pathways/);
      expect(recs[0].considerations[4]).toMatch(/^Improve the regulation of cross-border recruitment/);
      expect(recs[1].considerations[2]).toMatch(/^Fully integrate Health, Border and Mobility Management \(HBMM\)/);
      expect(recs[2].considerations[0]).toMatch(/should contain relevant data protection safeguards\.$/);
    });

    it('leaves no bullet markers, link stubs or stray whitespace', () => {
      for (const text of recs.flatMap((r) => r.considerations)) {
        expect(text).not.toContain('](#)');
        expect(text).not.toMatch(/^-|\s{2}|^\s|\s$/);
      }
    });

    it('does not pick up the narrative before the first recommendation', () => {
      expect(recs.flatMap((r) => r.considerations).join('\n')).not.toContain('H&M Group');
    });
  });

  describe('tolerance', () => {
    const synthetic = [
      'Narrative with a [stub](#).',
      '- a bullet in the narrative, not a consideration',
      '',
      'Secretary-General Recommendation: Do the first thing (paragraph 7):',
      '',
      'Intro sentence.',
      '- One with a [compilation of legal resources](#)',
      '',
      '',
      '- Two that breaks',
      '',
      'across a page',
      '   - nested three',
      '- Four with [illegible] words',
      'Secretary-General Recommendation:   Do the  second thing (paragraph 12)',
      '- Only \\(one\\)',
    ].join('\n');

    it('parses headings, blank lines, continuations and link stubs', () => {
      expect(parseRecommendations(synthetic)).toEqual([
        {
          paragraph: 7,
          shortTitle: 'Do the first thing',
          considerations: ['One with a compilation of legal resources', 'Two that breaks across a page', 'nested three', 'Four with [illegible] words'],
        },
        { paragraph: 12, shortTitle: 'Do the second thing', considerations: ['Only (one)'] },
      ]);
    });

    it('gives the same result with CRLF line endings', () => {
      expect(parseRecommendations(synthetic.replace(/\n/g, '\r\n'))).toEqual(parseRecommendations(synthetic));
    });
  });

  describe('errors', () => {
    it('rejects text without recommendation headings', () => {
      expect(() => parseRecommendations('- a\n- b')).toThrow(/no "Secretary-General Recommendation/);
    });

    it('rejects a recommendation without considerations', () => {
      expect(() => parseRecommendations('Secretary-General Recommendation: X (paragraph 1):\n\nprose only')).toThrow(
        /paragraph 1 has no considerations/,
      );
    });

    it('rejects the same paragraph twice', () => {
      const heading = 'Secretary-General Recommendation: X (paragraph 1):\n- a\n';
      expect(() => parseRecommendations(heading + heading)).toThrow(/paragraph 1 appears twice/);
    });
  });
});
