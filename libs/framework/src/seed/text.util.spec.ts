import { cleanText, foldWhitespace, stripLinkStubs, toLines, unescapeMarkdown } from './text.util';

describe('text.util', () => {
  describe('toLines', () => {
    it('normalises CRLF, lone CR and a byte-order mark', () => {
      expect(toLines('\uFEFFa\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    });
  });

  describe('stripLinkStubs', () => {
    it('keeps the label of a dead `(#)` link', () => {
      expect(stripLinkStubs("FRA's [compilation of legal resources](#) and [guidance](#).")).toBe(
        "FRA's compilation of legal resources and guidance.",
      );
    });

    it('handles escaped parentheses and brackets inside the label', () => {
      expect(stripLinkStubs('[Interactive Map on Migration \\(i-Map\\)](#)')).toBe('Interactive Map on Migration \\(i-Map\\)');
      expect(stripLinkStubs('[a \\] b](#)')).toBe('a \\] b');
    });

    it('leaves real links and bare bracketed markers alone', () => {
      expect(stripLinkStubs('[IOM](https://iom.int) and [illegible]')).toBe('[IOM](https://iom.int) and [illegible]');
    });
  });

  describe('unescapeMarkdown', () => {
    it('removes backslash escapes from punctuation', () => {
      expect(unescapeMarkdown('\\(MIPEX\\) \\[x\\] a\\_b')).toBe('(MIPEX) [x] a_b');
    });

    it('leaves a backslash before ordinary letters', () => {
      expect(unescapeMarkdown('C:\\temp')).toBe('C:\\temp');
    });
  });

  describe('foldWhitespace', () => {
    it('collapses runs of spaces, tabs and newlines and trims', () => {
      expect(foldWhitespace('  a \t b\n\n c  ')).toBe('a b c');
    });
  });

  describe('cleanText', () => {
    it('strips stubs, unescapes and folds in one pass', () => {
      expect(cleanText('the [Migrant Integration Policy Index \\(MIPEX\\)](#);\n  and more')).toBe(
        'the Migrant Integration Policy Index (MIPEX); and more',
      );
    });

    it('keeps an [illegible] marker so editors can see the source is damaged', () => {
      expect(cleanText('support to [illegible] organisations')).toBe('support to [illegible] organisations');
    });
  });
});
