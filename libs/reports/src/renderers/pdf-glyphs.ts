/**
 * pdfkit's embedded font (its internal shape, as far as this module uses it).
 * `encode` turns text into glyph ids of the embedded subset and records, per
 * subset glyph, the characters it stands for (the ToUnicode map that text
 * extraction reads).
 */
interface GlyphInfoLike {
  codePoints: number[];
}
interface FontkitFont {
  layout(text: string, features?: unknown): {
    glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
    positions: Record<string, number>[];
    direction: string;
  };
  _layoutEngine?: { engine?: { glyphInfos?: GlyphInfoLike[] | null; cleanup?: () => void } };
}
interface EmbeddedFontLike {
  font: FontkitFont;
  scale: number;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  encode(text: string, features?: unknown): [string[], Record<string, number>[]];
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
  __exactUnicode?: true;
  __sharedLayouts?: true;
}

const hex4 = (n: number) => `0000${n.toString(16)}`.slice(-4);

interface Capture {
  last: number[][] | null;
}
const captures = new WeakMap<FontkitFont, Capture>();

/**
 * Records the characters of each glyph of fontkit's last layout, from its
 * shaping records, just before it discards them. Installed once per fontkit
 * font, which every document of the thread shares.
 */
function captureCodePoints(fk: FontkitFont): Capture {
  let capture = captures.get(fk);
  if (capture) return capture;
  const c: Capture = { last: null };
  captures.set(fk, c);
  const engine = fk._layoutEngine?.engine;
  if (engine?.cleanup) {
    const cleanup = engine.cleanup.bind(engine);
    engine.cleanup = () => {
      c.last = engine.glyphInfos ? engine.glyphInfos.map((g) => g.codePoints) : null;
      cleanup();
    };
  }
  capture = c;
  return capture;
}

/**
 * Makes an embedded font map each drawn glyph to the characters it was shaped
 * from. Arabic fonts build letters from shared skeletons (ب ت ث ن ي share
 * one dotless shape, their dots are separate glyphs), and pdfkit maps a glyph
 * id to the first character it was drawn for, so a PDF would read ن back as
 * ب. Here a glyph drawn for different characters gets one subset entry per
 * meaning (a duplicate outline, a few bytes), and each run is shaped whole,
 * so right-to-left words keep their order. The characters come from fontkit's
 * shaping records (its glyph objects are cached per id and share their
 * characters, which is the same flaw one level down).
 */
export function exactUnicode(target: object): void {
  const pdfFont = target as EmbeddedFontLike;
  if (pdfFont.__exactUnicode) return;
  pdfFont.__exactUnicode = true;
  const fk = pdfFont.font;
  const capture = captureCodePoints(fk);
  const meaning = new Map<string, number>();
  // Shaping is the expensive part (script selection, GSUB and GPOS per call); a report repeats its lines.
  const shaped = new Map<string, [string[], Record<string, number>[]]>();
  pdfFont.encode = (text, features) => {
    const cacheKey = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    const hit = shaped.get(cacheKey);
    if (hit) return [hit[0], hit[1].map((p) => ({ ...p }))];
    capture.last = null;
    const run = fk.layout(text, features);
    const cps = capture.last as number[][] | null;
    const codePoints = cps && cps.length === run.glyphs.length ? (run.direction === 'rtl' ? [...cps].reverse() : cps) : run.glyphs.map((g) => g.codePoints);
    const encoded: string[] = [];
    const positions: Record<string, number>[] = [];
    run.glyphs.forEach((g, i) => {
      const cp = codePoints[i];
      const key = `${g.id}:${cp.join(',')}`;
      let gid = meaning.get(key);
      if (gid === undefined) {
        gid = pdfFont.subset.includeGlyph(g.id);
        if (pdfFont.unicode[gid] !== undefined && pdfFont.unicode[gid].join(',') !== cp.join(',')) {
          pdfFont.subset.glyphs.push(g.id);
          gid = pdfFont.subset.glyphs.length - 1;
        }
        pdfFont.unicode[gid] = cp;
        pdfFont.widths[gid] = g.advanceWidth * pdfFont.scale;
        meaning.set(key, gid);
      }
      encoded.push(hex4(gid));
      const p: Record<string, number> = {};
      for (const k of Object.keys(run.positions[i])) p[k] = run.positions[i][k] * pdfFont.scale;
      p.advanceWidth = g.advanceWidth * pdfFont.scale;
      positions.push(p);
    });
    shaped.set(cacheKey, [encoded, positions.map((p) => ({ ...p }))]);
    return [encoded, positions];
  };
}

/** Words shaped per fontkit font, for the life of the thread; emptied when it grows past a bound. */
const wordLayouts = new WeakMap<FontkitFont, Map<string, unknown>>();
const MAX_WORD_LAYOUTS = 50_000;

/**
 * pdfkit shapes text word by word and caches each word's glyph run, but per
 * embedded font, which is per document: every report of a render thread
 * shaped the same words (and each pledge title, cell and heading) again, and
 * that shaping (fontkit's GSUB/GPOS lookups) was most of a PDF's render time.
 * The run of a word depends only on the font, so documents of the thread
 * share it here. Glyph ids are still mapped into each document's own subset
 * by pdfkit's encode, so the bytes are the same as without the cache.
 */
export function shareWordLayouts(target: object): void {
  const pdfFont = target as EmbeddedFontLike;
  if (pdfFont.__sharedLayouts) return;
  pdfFont.__sharedLayouts = true;
  let runs = wordLayouts.get(pdfFont.font);
  if (!runs) wordLayouts.set(pdfFont.font, (runs = new Map()));
  const shared = runs;
  pdfFont.layoutCached = (text) => {
    let run = shared.get(text);
    if (run === undefined) {
      run = pdfFont.layoutRun(text);
      if (shared.size >= MAX_WORD_LAYOUTS) shared.clear();
      shared.set(text, run);
    }
    return run;
  };
}
