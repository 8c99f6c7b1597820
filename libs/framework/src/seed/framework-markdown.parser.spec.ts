import { readFileSync } from 'fs';
import * as path from 'path';
import { parseFrameworkMarkdown } from './framework-markdown.parser';

const SOURCES = path.join(__dirname, '../../../../seeds/sources');

/** A minimal document with every block, in a different order from the real one. */
function doc(overrides: Partial<Record<'objectives' | 'principles' | 'rounds' | 'themes' | 'crosswalk', string | null>> = {}): string {
  const blocks = {
    crosswalk: 'objective|themes\n1|2,1\n2|1',
    themes: 'no|title\n1|Theme one\n2|Theme two',
    objectives: 'no|title|short label\n1|First objective|First\n2|Second objective|Second',
    principles: 'key|name|gist\na|People-centred|people first',
    rounds: 'round table|objectives\nRT1|1,2',
    ...overrides,
  };
  return Object.values(blocks)
    .filter((b): b is string => b !== null)
    .map((b) => `## heading\n\n\`\`\`\n${b}\n\`\`\`\n`)
    .join('\n');
}

describe('parseFrameworkMarkdown', () => {
  describe('on seeds/sources/gcm-framework.md', () => {
    const fw = parseFrameworkMarkdown(readFileSync(path.join(SOURCES, 'gcm-framework.md'), 'utf8'));

    it('reads the 23 objectives in order', () => {
      expect(fw.objectives).toHaveLength(23);
      expect(fw.objectives.map((o) => o.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
      expect(fw.objectives[7]).toEqual({
        number: 8,
        title: 'Save lives and establish coordinated international efforts on missing migrants',
        shortLabel: 'Saving lives and missing migrants',
      });
      expect(fw.objectives[22].shortLabel).toBe('International cooperation');
    });

    it('reads the 10 guiding principles a–j', () => {
      expect(fw.principles.map((p) => p.key)).toEqual('abcdefghij'.split(''));
      expect(fw.principles[0]).toMatchObject({ key: 'a', name: 'People-centred' });
      expect(fw.principles[9].gist).toContain('trade unions, national human rights institutions, media');
    });

    it('reads the four IMRF round tables', () => {
      expect(fw.roundTables.map((r) => r.code)).toEqual(['RT1', 'RT2', 'RT3', 'RT4']);
      expect(fw.roundTables.find((r) => r.code === 'RT2')?.objectives).toEqual([4, 8, 9, 10, 11, 13, 21]);
      // Every objective is discussed at exactly one round table.
      const all = fw.roundTables.flatMap((r) => r.objectives).sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    });

    it('reads the five ICMPD themes', () => {
      expect(fw.themes).toHaveLength(5);
      expect(fw.themes[0]).toEqual({ number: 1, title: 'Fulfil human rights obligations with respect to migrants' });
      expect(fw.themes[4]).toEqual({ number: 5, title: 'Promote cooperation and partnership' });
    });

    it('reads the crosswalk with the primary theme first', () => {
      expect(fw.crosswalk).toHaveLength(23);
      expect(fw.crosswalk[0]).toEqual({ objective: 1, themes: [4, 2] });
      expect(fw.crosswalk.find((c) => c.objective === 13)?.themes).toEqual([1]);
      expect(fw.crosswalk.find((c) => c.objective === 23)?.themes).toEqual([5]);
    });
  });

  describe('tolerance', () => {
    it('finds blocks by header regardless of order', () => {
      const fw = parseFrameworkMarkdown(doc());
      expect(fw.objectives.map((o) => o.number)).toEqual([1, 2]);
      expect(fw.crosswalk[0]).toEqual({ objective: 1, themes: [2, 1] });
    });

    it('accepts CRLF line endings, stray blank lines and padded cells', () => {
      const md = doc({ objectives: 'No | Title | Short label\n\n 1 |  First objective | First \n\n2|Second objective|Second\n' }).replace(/\n/g, '\r\n');
      const fw = parseFrameworkMarkdown(md);
      expect(fw.objectives).toEqual([
        { number: 1, title: 'First objective', shortLabel: 'First' },
        { number: 2, title: 'Second objective', shortLabel: 'Second' },
      ]);
      expect(fw.roundTables).toEqual([{ code: 'RT1', objectives: [1, 2] }]);
    });

    it('accepts spaces after commas in number lists', () => {
      expect(parseFrameworkMarkdown(doc({ rounds: 'round table|objectives\nRT1|1, 2' })).roundTables[0].objectives).toEqual([1, 2]);
    });

    it('keeps an [illegible] marker in text cells', () => {
      const fw = parseFrameworkMarkdown(doc({ principles: 'key|name|gist\na|People-centred|puts [illegible] first' }));
      expect(fw.principles[0].gist).toBe('puts [illegible] first');
    });

    it('ignores fenced blocks with unrelated headers', () => {
      const md = doc() + '\n```\nsomething|else\nx|y\n```\n';
      expect(() => parseFrameworkMarkdown(md)).not.toThrow();
    });
  });

  describe('errors', () => {
    it.each([
      ['objectives', 'objectives'],
      ['principles', 'principles'],
      ['rounds', 'round tables'],
      ['themes', 'themes'],
      ['crosswalk', 'crosswalk'],
    ] as const)('names the missing %s block', (key, name) => {
      expect(() => parseFrameworkMarkdown(doc({ [key]: null }))).toThrow(new RegExp(`missing ${name} block`));
    });

    it('rejects a row with the wrong number of columns, naming the line', () => {
      expect(() => parseFrameworkMarkdown(doc({ themes: 'no|title\n1|Theme one|extra\n2|Theme two' }))).toThrow(
        /line \d+: themes row needs 2 columns, got 3/,
      );
    });

    it('rejects a non-numeric objective number', () => {
      expect(() => parseFrameworkMarkdown(doc({ objectives: 'no|title|short label\n1|First|F\nII|Second|S' }))).toThrow(
        /"II" is not a whole number/,
      );
    });

    it('rejects duplicates', () => {
      expect(() => parseFrameworkMarkdown(doc({ principles: 'key|name|gist\na|x|y\na|z|w' }))).toThrow(/duplicate principle a/);
    });

    it('rejects references to unknown objectives or themes', () => {
      expect(() => parseFrameworkMarkdown(doc({ rounds: 'round table|objectives\nRT1|1,24' }))).toThrow(
        /round table RT1 refers to unknown objective 24/,
      );
      expect(() => parseFrameworkMarkdown(doc({ crosswalk: 'objective|themes\n1|3' }))).toThrow(/unknown theme 3/);
    });

    it('rejects an unterminated code block', () => {
      expect(() => parseFrameworkMarkdown(doc() + '\n```\nno|title\n1|x')).toThrow(/unterminated/);
    });
  });
});
