import PDFDocument from 'pdfkit';
import { formatValue } from './format';
import { FontFace, FontWeight, fontName, fontObject } from './pdf-fonts';
import { inertCharacters, unshapedRun } from './pdf-glyphs';
import { syntheticDataset } from '../testing/synthetic-dataset';

interface PdfFontLike {
  font: object;
  layoutRun(text: string): { glyphs: { id: number }[]; positions: Record<string, number>[]; advanceWidth: number };
}

/** pdfkit's embedded font for a face, as PdfScript opens it. */
function embedded(face: FontFace, weight: FontWeight): PdfFontLike {
  const doc = new PDFDocument({ size: 'A4' });
  doc.registerFont(fontName(face, weight), fontObject(face, weight) as unknown as ArrayBuffer);
  return (doc.font(fontName(face, weight)) as unknown as { _font: PdfFontLike })._font;
}

/** What pdfkit draws from a run: glyph ids, every position field, the run's advance. */
const drawn = (run: { glyphs: { id: number }[]; positions: Record<string, number>[]; advanceWidth: number }) => ({
  ids: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]),
  advanceWidth: run.advanceWidth,
});

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('words laid out without shaping (inert characters)', () => {
  const data = syntheticDataset({ pledges: 400, cycles: 2 });
  // What reports print most often once: references, figures in every locale's digits and separators, citations.
  const tokens = [
    ...data.pledges.map((p) => p.reference),
    ...[0, 7, 42, 1234, 98765.4321, 1e6 + 0.5].flatMap((n) => (['en', 'fr', 'es', 'ru', 'zh'] as const).flatMap((l) => [formatValue(n, 'number', l), formatValue(n / 1e4, 'percent', l), formatValue(Math.round(n), 'integer', l)])),
    '[3]', '[12, 14]', '(2025-H1)', '2026-01-31', '17.5%', '…', '—', '• ', '“1”', '‘2’', '12:30', '3/4', '#5', '$10', '@x', '~1', '{2}', '<3>', '1 000', '1 000',
  ];

  // What the Noto faces leave unshaped: in Noto Sans the digits (their only ligature, in ccmp, needs a mark), not "." "," "-" "(" "[" (kerned).
  const expected: [FontFace, FontWeight, string][] = [['latin', 'regular', '0123456789 %)]'], ['latin', 'bold', '0123456789 %)]'], ['cjk', 'regular', ' %)]']];
  for (const [face, weight, always] of expected) {
    it(`give fontkit's glyphs and positions for every inert text in ${face} ${weight}`, () => {
      const font = embedded(face, weight);
      const inert = inertCharacters(font.font);
      const chars = [...inert.keys()].filter((c) => inert[c] === 1).map((c) => String.fromCharCode(c));
      for (const ch of always) expect({ ch, inert: chars.includes(ch) }).toEqual({ ch, inert: true });
      const rnd = random(7);
      const samples = [
        ...chars,
        ...chars.flatMap((a) => chars.map((b) => a + b)),
        ...Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 14) }, () => chars[Math.floor(rnd() * chars.length)]).join('')),
        ...tokens.flatMap((t) => [t, `${t} `]),
      ];
      let fast = 0;
      for (const text of samples) {
        const run = unshapedRun(font, inert, text);
        if (run === null) {
          expect([...text].some((ch) => !chars.includes(ch))).toBe(true);
          continue;
        }
        fast++;
        expect({ text, ...drawn(run) }).toEqual({ text, ...drawn(font.layoutRun(text)) });
      }
      expect(fast).toBeGreaterThan(chars.length ** 2);
    });
  }

  it('leave every text with a character some lookup starts at to fontkit (kerning, ligatures, Arabic joining)', () => {
    const latin = embedded('latin', 'regular');
    const inert = inertCharacters(latin.font);
    // Letters kern with each other ("AV", "To") and the Noto Sans Arabic letters join: none of them is inert.
    for (const text of ['AV', 'To', 'GCM', 'Limited funding']) expect(unshapedRun(latin, inert, text)).toBeNull();
    const arabic = embedded('arabic', 'regular');
    expect(unshapedRun(arabic, inertCharacters(arabic.font), 'نقص')).toBeNull();
  });
});
