import bidiFactory from 'bidi-js';
import { exactUnicode, shareWordLayouts } from './pdf-glyphs';
import { FontFace, FontWeight, faceOf, fontName, fontObject, hasArabic } from './pdf-fonts';

type Doc = PDFKit.PDFDocument;
const bidi = bidiFactory();
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067]/;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export type Direction = 'ltr' | 'rtl';
/** Start and end follow the paragraph direction (start is the right edge in Arabic); left and right do not. */
export type Align = 'start' | 'end';

/** A piece of a line in one face at one embedding level, in logical order. */
interface Run {
  text: string;
  face: FontFace;
  level: number;
}

/** Line height and baseline as a share of the font size, the same for every face so mixed lines sit on one baseline. */
export const LINE_HEIGHT = 1.45;
const BASELINE = 1.08;

/**
 * Sets text of any script with pdfkit: picks the face per character (Noto
 * Sans, Noto Sans Arabic, Noto Sans SC), orders each line by the Unicode
 * bidirectional algorithm (bidi-js), and lets fontkit shape each run
 * (Arabic joining and ligatures through the fonts' OpenType tables). Glyphs
 * are drawn in visual order and each maps to the characters it stands for
 * (see exactUnicode), which is what text extraction expects: pdftotext reads
 * Arabic back in logical order.
 */
/**
 * Widths at size 1 by face, weight, direction and text, kept for the life of
 * the thread: widths are the font's, not the document's, and reports repeat
 * the same words and cells thousands of times (measuring is most of the work
 * of laying out a report). Emptied when it grows past a bound.
 */
const WIDTHS = new Map<string, number>();
const MAX_WIDTHS = 200_000;

export class PdfScript {
  private readonly widths = WIDTHS;
  private readonly runsOf = new Map<string, Run[]>();

  constructor(private readonly doc: Doc, readonly direction: Direction) {}

  /** Width of a text on one line at a size, in points. */
  measure(text: string, weight: FontWeight, size: number): number {
    let total = 0;
    for (const run of this.runs(text)) total += this.runWidth(run, weight) * size;
    return total;
  }

  /** A measure function for one weight and size, as the table layout wants. */
  measurer(weight: FontWeight, size: number): (text: string) => number {
    return (text) => this.measure(text, weight, size);
  }

  lineHeight(size: number): number {
    return size * LINE_HEIGHT;
  }

  /**
   * Draws one line (no wrapping) with its top at y inside [x, x + width],
   * aligned to the start or end of the paragraph direction. `continues`: the
   * text goes on on the next line, so the space the line broke at is drawn
   * (invisible, at the line's end in the paragraph direction, outside the
   * aligned text): a line's last word and the next line's first stay two
   * words for whoever reads a marked sequence of several lines as one text.
   */
  line(text: string, x: number, y: number, width: number, o: { weight: FontWeight; size: number; color: string; align?: Align; continues?: boolean }): void {
    if (text === '') return;
    const runs = this.visualRuns(text);
    const used = runs.reduce((sum, r) => sum + this.runWidth(r, o.weight) * o.size, 0);
    const toRight = (o.align ?? 'start') === 'start' ? this.direction === 'rtl' : this.direction === 'ltr';
    let cx = toRight ? x + width - used : x;
    const left = cx;
    this.doc.fillColor(o.color);
    for (const r of runs) {
      const w = this.runWidth(r, o.weight) * o.size;
      this.setFont(r.face, o.weight, o.size)
        .text(r.level % 2 === 1 ? this.shapeable(r.text) : r.text, cx, y + o.size * BASELINE, { lineBreak: false, baseline: 'alphabetic', ...features(r) });
      cx += w;
    }
    if (o.continues && this.runs(text).length > 0) {
      // The paragraph's trailing space (bidi rule L1): right of a left-to-right line, left of a right-to-left one; drawn last, so it separates the lines' texts.
      const logical = this.runs(text);
      const space: Run = { text: ' ', face: logical[logical.length - 1].face, level: 0 };
      const sx = this.direction === 'rtl' ? left - this.runWidth(space, o.weight) * o.size : cx;
      this.setFont(space.face, o.weight, o.size).text(' ', sx, y + o.size * BASELINE, { lineBreak: false, baseline: 'alphabetic' });
    }
  }

  /** The runs of a text in logical order: one per change of face or embedding level. */
  private runs(text: string): Run[] {
    const cached = this.runsOf.get(text);
    if (cached) return cached;
    // Left-to-right text without a right-to-left character is all level 0: no need to run the algorithm.
    const levels = this.direction === 'ltr' && !RTL.test(text) ? new Uint8Array(text.length) : bidi.getEmbeddingLevels(text, this.direction).levels;
    const out: Run[] = [];
    let prev: FontFace | null = null;
    const units = [...text];
    let offset = 0;
    const faces = units.map((ch) => faceOf(ch));
    units.forEach((ch, i) => {
      const level = levels[offset];
      offset += ch.length;
      // Directional controls (isolates, marks, embeddings) shape the levels and are not drawn.
      if (BIDI_CONTROLS.test(ch)) return;
      // A neutral character takes the face of the run it is in, else of the next letter, else the paragraph's.
      const face = faces[i] ?? (prev !== null ? prev : faces.slice(i + 1).find((f) => f !== null) ?? (this.direction === 'rtl' ? 'arabic' : 'latin'));
      prev = face;
      const last = out[out.length - 1];
      if (last && last.face === face && last.level === level) last.text += ch;
      else out.push({ text: ch, face, level });
    });
    this.runsOf.set(text, out);
    return out;
  }

  /** The runs in the order they are drawn, left to right (rule L2 of the algorithm, on whole runs). */
  private visualRuns(text: string): Run[] {
    const runs = this.runs(text).map((r) => (r.level % 2 === 1 ? { ...r, text: mirror(r.text) } : r));
    const max = Math.max(...runs.map((r) => r.level));
    const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), Infinity);
    for (let level = max; level >= minOdd && level > 0; level--) {
      for (let i = 0; i < runs.length; i++) {
        if (runs[i].level < level) continue;
        let j = i;
        while (j + 1 < runs.length && runs[j + 1].level >= level) j++;
        runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
        i = j;
      }
    }
    return runs;
  }

  private readonly registered = new Set<string>();

  private setFont(face: FontFace, weight: FontWeight, size: number): Doc {
    const name = fontName(face, weight);
    // Registered on first use: pdfkit embeds every font it has opened, used or not.
    if (!this.registered.has(name)) {
      this.doc.registerFont(name, fontObject(face, weight) as unknown as ArrayBuffer);
      this.registered.add(name);
    }
    const doc = this.doc.font(name).fontSize(size);
    // Only Arabic builds letters from shared skeletons; the other faces keep pdfkit's own (word-cached) encoding.
    const font = (doc as unknown as { _font: object })._font;
    shareWordLayouts(font);
    if (face === 'arabic') exactUnicode(font);
    return doc;
  }

  /** Width of a run at size 1, shaped as it is drawn. */
  private runWidth(run: Run, weight: FontWeight): number {
    const key = `${weight}\u0000${run.face}\u0000${run.level % 2}\u0000${run.text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      const text = run.level % 2 === 1 ? this.shapeable(run.text) : run.text;
      w = this.setFont(run.face, weight, 1000).widthOfString(text, features(run)) / 1000;
      if (this.widths.size >= MAX_WIDTHS) this.widths.clear();
      this.widths.set(key, w);
    }
    return w;
  }

  /**
   * fontkit reverses a run whose script is right to left (Arabic); a
   * right-to-left run with no such letter (spaces, punctuation between
   * Arabic words and Latin ones) is reversed here.
   */
  private shapeable(text: string): string {
    return hasArabic(text) ? text : [...text].reverse().join('');
  }
}

/**
 * pdfkit lays out text word by word (and caches each word) unless features
 * are given; a right-to-left run must be shaped whole so its words come out
 * in right-to-left order.
 */
function features(run: Run): { features?: PDFKit.Mixins.OpenTypeFeatures[] } {
  return run.level % 2 === 1 ? { features: [] } : {};
}

function mirror(text: string): string {
  let out = '';
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch;
  return out;
}
