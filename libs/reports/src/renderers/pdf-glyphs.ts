/**
 * pdfkit's embedded font (its internal shape, as far as this module uses it).
 * `encode` turns text into glyph ids of the embedded subset and records, per
 * subset glyph, the characters it stands for (the ToUnicode map that text
 * extraction reads).
 */
interface GlyphInfoLike {
  codePoints: number[];
}
interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
/** An OpenType coverage table as fontkit parses it (format 1: glyph list; format 2: ranges). */
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
interface LookupTable {
  featureVariations?: unknown;
  lookupList: { length: number; get(i: number): { lookupType: number; subTables: Iterable<Record<string, unknown>> } };
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  scriptList: { script: { defaultLangSys?: { featureIndexes: number[]; reqFeatureIndex: number } | null; langSysRecords: { langSys: { featureIndexes: number[]; reqFeatureIndex: number } }[] } }[];
}
interface FontkitFont {
  layout(text: string, features?: unknown): {
    glyphs: FontkitGlyph[];
    positions: Record<string, number>[];
    direction: string;
  };
  glyphForCodePoint(cp: number): FontkitGlyph;
  numGlyphs: number;
  GSUB?: LookupTable;
  GPOS?: LookupTable;
  kern?: unknown;
  morx?: unknown;
  _layoutEngine?: { engine?: { glyphInfos?: GlyphInfoLike[] | null; cleanup?: () => void } };
}
/** pdfkit's glyph run: what its layout reads (glyphs, positions scaled to 1000 units a em, their sum). */
interface Run {
  glyphs: FontkitGlyph[];
  positions: Record<string, number>[];
  advanceWidth: number;
}
interface EmbeddedFontLike {
  font: FontkitFont;
  scale: number;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  encode(text: string, features?: unknown): [string[], Record<string, number>[]];
  layoutRun(text: string): Run;
  layoutCached(text: string): Run;
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
const wordLayouts = new WeakMap<FontkitFont, Map<string, Run>>();
const MAX_WORD_LAYOUTS = 50_000;

/**
 * pdfkit shapes text word by word and caches each word's glyph run, but per
 * embedded font, which is per document: every report of a render thread
 * shaped the same words (and each pledge title, cell and heading) again, and
 * that shaping (fontkit's GSUB/GPOS lookups) was most of a PDF's render time.
 * The run of a word depends only on the font, so documents of the thread
 * share it here. Glyph ids are still mapped into each document's own subset
 * by pdfkit's encode, so the bytes are the same as without the cache.
 * A word written only in characters no shaping applies to (`inertCharacters`:
 * digits, most punctuation; references, figures and citation numbers, which
 * are mostly words seen once) is not shaped at all: its run is its glyphs
 * from the character map at their advance widths, which is what fontkit
 * returns for it.
 */
export function shareWordLayouts(target: object): void {
  const pdfFont = target as EmbeddedFontLike;
  if (pdfFont.__sharedLayouts) return;
  pdfFont.__sharedLayouts = true;
  let runs = wordLayouts.get(pdfFont.font);
  if (!runs) wordLayouts.set(pdfFont.font, (runs = new Map()));
  const shared = runs;
  const inert = inertCharacters(pdfFont.font);
  pdfFont.layoutCached = (text) => {
    let run = shared.get(text);
    if (run === undefined) {
      run = unshapedRun(pdfFont, inert, text) ?? pdfFont.layoutRun(text);
      if (shared.size >= MAX_WORD_LAYOUTS) shared.clear();
      shared.set(text, run);
    }
    return run;
  };
}

/**
 * The run of a text made only of inert characters (see inertCharacters), as
 * pdfkit's layoutRun would return it: each character's glyph from the
 * character map, advancing by its width, with no offsets; null when the text
 * has another character.
 */
export function unshapedRun(target: object, inert: Uint8Array, text: string): Run | null {
  const pdfFont = target as EmbeddedFontLike;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= inert.length || inert[c] === 0) return null;
  }
  const glyphs: FontkitGlyph[] = new Array(text.length);
  const positions: Record<string, number>[] = new Array(text.length);
  let advanceWidth = 0;
  for (let i = 0; i < text.length; i++) {
    const glyph = pdfFont.font.glyphForCodePoint(text.charCodeAt(i));
    const w = glyph.advanceWidth * pdfFont.scale;
    glyphs[i] = glyph;
    positions[i] = { xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w };
    advanceWidth += w;
  }
  return { glyphs, positions, advanceWidth };
}

/**
 * The features fontkit's default shaper (Latin, Cyrillic, Chinese, digits…)
 * applies to left-to-right text unasked; frac, numr and dnom too, but only
 * around a fraction slash, which is no candidate.
 */
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);
/** Characters considered: printable ASCII and the typographic punctuation reports print (not the fraction slash nor the soft hyphen, which fontkit treats apart). */
const CANDIDATES = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i), 0xa0, 0xb7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x202f];
const inertByFont = new WeakMap<FontkitFont, Uint8Array>();

/**
 * The characters (by UTF-16 code unit, 1 = inert) that fontkit lays out in
 * this font exactly as their glyphs and advance widths, whatever surrounds
 * them in a word made only of such characters: the glyph of the character map
 * exists and no lookup of a feature fontkit applies by default (in the
 * default language of any script of the font: pdfkit never names a language)
 * can start at it within a word of candidates — it is in no such lookup's
 * input coverage, or only in a ligature's whose other components are not
 * all candidates, or only in a pair adjustment's that is zero with every
 * candidate after it. No lookup can then apply anywhere in such a word, so
 * nothing substitutes or moves its glyphs. A font with an AAT morx or a
 * legacy kern table (fontkit's other shaping paths) or with feature
 * variations has none. Worked out from the font's tables once per font and
 * thread; the spec checks the result against fontkit.
 */
export function inertCharacters(font: object): Uint8Array {
  const fk = font as FontkitFont;
  let inert = inertByFont.get(fk);
  if (inert) return inert;
  inert = new Uint8Array(0x2030);
  inertByFont.set(fk, inert);
  // Variable fonts swap feature tables by axis position: not worked out here.
  if (fk.morx || fk.kern || fk.GSUB?.featureVariations || fk.GPOS?.featureVariations) return inert;
  const candidates = new Set(CANDIDATES.map((cp) => fk.glyphForCodePoint(cp).id).filter((id) => id !== 0));
  const covered = new Uint8Array(fk.numGlyphs);
  for (const table of [fk.GSUB, fk.GPOS]) if (table) markCovered(table, table === fk.GPOS, candidates, covered);
  for (const cp of CANDIDATES) {
    const id = fk.glyphForCodePoint(cp).id;
    if (id !== 0 && !covered[id]) inert[cp] = 1;
  }
  return inert;
}

type Sub = Record<string, unknown>;
interface ClassDef { version: number; startGlyph?: number; classValueArray?: number[]; classRangeRecord?: { start: number; end: number; class: number }[] }
type ValueRecord = Record<string, number> | null | undefined;
/** restructure's lazily decoded array, as fontkit keeps lookup subtables' sets. */
interface Lazy<T> { get(i: number): T | undefined }

/** Marks the glyphs at which a lookup of a default feature may start in a word of candidate glyphs. */
function markCovered(table: LookupTable, gpos: boolean, candidates: Set<number>, covered: Uint8Array): void {
  const lookups = new Set<number>();
  for (const { script } of table.scriptList) {
    for (const i of script.defaultLangSys?.featureIndexes ?? []) {
      const record = table.featureList[i];
      if (record && DEFAULT_FEATURES.has(record.tag)) for (const l of record.feature.lookupListIndexes) lookups.add(l);
    }
  }
  const extension = gpos ? 9 : 7;
  for (const index of lookups) {
    const lookup = table.lookupList.get(index);
    for (const sub of lookup.subTables) {
      const type = lookup.lookupType === extension ? (sub.lookupType as number) : lookup.lookupType;
      const real = lookup.lookupType === extension ? (sub.extension as Sub) : sub;
      if (!gpos && type === 4) ligatureStarts(real, candidates, covered);
      else if (gpos && type === 2) pairStarts(real, candidates, covered);
      else {
        for (const key of ['coverage', 'coverages', 'inputCoverage', 'markCoverage', 'mark1Coverage']) {
          const value = real[key] as Coverage | Coverage[] | undefined;
          for (const c of Array.isArray(value) ? value : value ? [value] : []) markCoverage(c, covered);
        }
      }
    }
  }
}

/** The glyphs of a coverage table, in coverage order (the index lookups use). */
function coverageGlyphs(c: Coverage): number[] {
  if (c.version === 1) return c.glyphs ?? [];
  const out: number[] = [];
  for (const r of c.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

/** Ligature substitution: a first glyph counts if one of its ligatures is made only of candidates. */
function ligatureStarts(sub: Sub, candidates: Set<number>, covered: Uint8Array): void {
  const sets = sub.ligatureSets as Lazy<Iterable<{ components: Iterable<number> }>> | undefined;
  coverageGlyphs(sub.coverage as Coverage).forEach((g, i) => {
    const ligatures = sets ? [...(sets.get(i) ?? [])] : null;
    if (ligatures === null || ligatures.some((l) => [...l.components].every((c) => candidates.has(c)))) covered[g] = 1;
  });
}

const nonZero = (v: ValueRecord) => !!v && Object.values(v).some((x) => typeof x === 'number' && x !== 0);

function classOf(glyph: number, def: ClassDef | undefined): number {
  if (!def) return 0;
  if (def.version === 1) {
    const i = glyph - (def.startGlyph ?? 0);
    return i >= 0 && i < (def.classValueArray?.length ?? 0) ? def.classValueArray![i] : 0;
  }
  for (const r of def.classRangeRecord ?? []) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/** Pair adjustment (kerning): a first glyph counts if it moves beside some candidate second glyph. */
function pairStarts(sub: Sub, candidates: Set<number>, covered: Uint8Array): void {
  const firsts = coverageGlyphs(sub.coverage as Coverage);
  if (sub.version === 1) {
    const sets = sub.pairSets as Lazy<Iterable<{ secondGlyph: number; value1: ValueRecord; value2: ValueRecord }>> | undefined;
    firsts.forEach((g, i) => {
      const pairs = sets ? [...(sets.get(i) ?? [])] : null;
      if (pairs === null || pairs.some((p) => candidates.has(p.secondGlyph) && (nonZero(p.value1) || nonZero(p.value2)))) covered[g] = 1;
    });
    return;
  }
  if (sub.version !== 2) {
    for (const g of firsts) covered[g] = 1;
    return;
  }
  const records = sub.classRecords as Lazy<Lazy<{ value1: ValueRecord; value2: ValueRecord }>> | undefined;
  const seconds = new Set([...candidates].map((c) => classOf(c, sub.classDef2 as ClassDef)));
  for (const g of firsts) {
    const row = records?.get(classOf(g, sub.classDef1 as ClassDef));
    if (!row || [...seconds].some((c2) => nonZero(row.get(c2)?.value1) || nonZero(row.get(c2)?.value2))) covered[g] = 1;
  }
}

function markCoverage(c: Coverage, covered: Uint8Array): void {
  if (c.version === 1) for (const g of c.glyphs ?? []) covered[g] = 1;
  else for (const r of c.rangeRecords ?? []) covered.fill(1, r.start, r.end + 1);
}
