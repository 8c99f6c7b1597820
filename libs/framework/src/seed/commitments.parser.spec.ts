import { readFileSync } from 'fs';
import * as path from 'path';
import { parseCommitments } from './commitments.parser';

const SOURCES = path.join(__dirname, '../../../../seeds/sources');

describe('parseCommitments', () => {
  describe('on the ICMPD input (001_78548c2917fb0133.txt)', () => {
    const themes = parseCommitments(readFileSync(path.join(SOURCES, '001_78548c2917fb0133.txt'), 'utf8'));
    const all = themes.flatMap((t) => t.commitments);
    const byCode = new Map(all.map((c) => [c.code, c]));

    it('finds the five themes of section 1 and nothing from the annex', () => {
      expect(themes.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    });

    it('counts the top-level bullets of each theme', () => {
      expect(themes.map((t) => t.commitments.length)).toEqual([3, 6, 6, 8, 7]);
      expect(all).toHaveLength(30);
    });

    it('numbers commitments T{theme}.C{n} by bullet order', () => {
      for (const t of themes) {
        t.commitments.forEach((c, i) => {
          expect(c.position).toBe(i + 1);
          expect(c.code).toBe(`T${t.number}.C${i + 1}`);
        });
      }
    });

    it('attaches sub-bullets to their parent bullet', () => {
      expect(byCode.get('T1.C1')?.subItems).toHaveLength(2);
      expect(byCode.get('T1.C1')?.subItems[1]).toMatch(/^Supporting migrants' access to such rights/);
      expect(byCode.get('T4.C1')?.subItems).toEqual([
        'Analysis should also include approaches to monitor migration and national sentiments towards it, as well as collect information on indicators for integration and social cohesion.',
      ]);
      expect(byCode.get('T4.C2')?.text).toBe("Dissolve barriers to migrants' contributions to their communities, for example:");
      expect(byCode.get('T4.C2')?.subItems).toHaveLength(5);
      expect(byCode.get('T4.C2')?.subItems[4]).toMatch(/^Consider involvement of diasporas/);
      const withSubItems = all.filter((c) => c.subItems.length > 0).map((c) => c.code);
      expect(withSubItems).toEqual(['T1.C1', 'T4.C1', 'T4.C2']);
    });

    it('joins the detention bullet across the PDF page break and strips its link stubs', () => {
      expect(byCode.get('T1.C2')?.text).toBe(
        'Member States should seek alternatives to detention, eliminate arbitrary detention and eliminate detention of children. ' +
          'Immigration detention should be an action of last resort, with alternatives implemented whenever possible ' +
          "(e.g. FRA's compilation of legal resources and the International Detention Coalition's guidance).",
      );
      expect(byCode.get('T1.C2')?.subItems).toEqual([]);
    });

    it('keeps a bullet that follows a blank line as its own commitment', () => {
      expect(byCode.get('T3.C2')?.text).toMatch(/^Promote the use of migrant resource centres/);
      expect(byCode.get('T4.C6')?.text).toMatch(/^Reduce the potential negative impacts of return/);
    });

    it('unescapes parentheses inside link labels', () => {
      expect(byCode.get('T4.C7')?.text).toContain('(e.g. Interactive Map on Migration (i-Map)), and positive reinforcement (e.g. Migration Media Award)');
      expect(byCode.get('T4.C4')?.text).toContain('"mobile counselling"');
    });

    it('leaves no Markdown residue or stray whitespace in any text', () => {
      for (const text of all.flatMap((c) => [c.text, ...c.subItems])) {
        expect(text).not.toContain('](#)');
        expect(text).not.toMatch(/\\[()]/);
        expect(text).not.toMatch(/^-|\s{2}|^\s|\s$/);
      }
    });

    it('does not take intro paragraphs or later sections for commitments', () => {
      const texts = all.flatMap((c) => [c.text, ...c.subItems]).join('\n');
      expect(texts).not.toContain('Throughout the GCM process');
      expect(texts).not.toContain('This objective should clarify');
      expect(texts).not.toContain('Means of implementation');
      expect(texts).not.toContain('European Convention on Human Rights');
      expect(byCode.get('T5.C7')?.text).toBe('Support structural frameworks for public-private partnerships.');
    });
  });

  describe('tolerance', () => {
    const synthetic = [
      '1. Structure and elements of the compact',
      '',
      'Preamble that mentions nothing.',
      '',
      '1. First theme',
      '',
      'Intro paragraph, not a commitment.',
      '',
      '',
      '- Alpha bullet that breaks across a page,',
      '',
      '',
      'and continues here.',
      ' - sub one',
      '',
      ' - sub two that also',
      'continues',
      '- Beta bullet with [illegible] text and a [stub](#).',
      '',
      '2. Second theme',
      'Intro.',
      '- Gamma',
      '',
      '2. Means of implementation and a framework for the follow-up and review',
      '- Not a commitment',
      '3. Annex of relevant frameworks',
      '1. First theme:',
      '[Some convention](#)',
    ].join('\n');

    it('parses a synthetic document with stray blank lines, continuations and markers', () => {
      expect(parseCommitments(synthetic)).toEqual([
        {
          number: 1,
          commitments: [
            {
              code: 'T1.C1',
              position: 1,
              text: 'Alpha bullet that breaks across a page, and continues here.',
              subItems: ['sub one', 'sub two that also continues'],
            },
            { code: 'T1.C2', position: 2, text: 'Beta bullet with [illegible] text and a stub.', subItems: [] },
          ],
        },
        { number: 2, commitments: [{ code: 'T2.C1', position: 1, text: 'Gamma', subItems: [] }] },
      ]);
    });

    it('gives the same result with CRLF line endings', () => {
      expect(parseCommitments(synthetic.replace(/\n/g, '\r\n'))).toEqual(parseCommitments(synthetic));
    });

    it('works without the "Structure" section heading', () => {
      const result = parseCommitments('1. Only theme\n\nIntro.\n\n- One\n- Two');
      expect(result).toEqual([
        {
          number: 1,
          commitments: [
            { code: 'T1.C1', position: 1, text: 'One', subItems: [] },
            { code: 'T1.C2', position: 2, text: 'Two', subItems: [] },
          ],
        },
      ]);
    });

    it('keeps an orphan sub-bullet as a commitment rather than dropping it', () => {
      expect(parseCommitments('1. Theme\n - indented first\n- second')[0].commitments.map((c) => c.text)).toEqual([
        'indented first',
        'second',
      ]);
    });
  });

  describe('errors', () => {
    it('rejects text without theme headings', () => {
      expect(() => parseCommitments('just prose\n- a bullet')).toThrow(/no numbered theme headings/);
    });

    it('rejects a theme without bullets', () => {
      expect(() => parseCommitments('1. Theme\n- a\n2. Empty theme\nonly prose')).toThrow(/theme 2 has no bullet-point commitments/);
    });

    it('rejects a theme heading that appears twice in section 1', () => {
      expect(() => parseCommitments('1. Theme\n- a\n1. Theme again\n- b')).toThrow(/theme 1 heading appears twice/);
    });
  });
});
