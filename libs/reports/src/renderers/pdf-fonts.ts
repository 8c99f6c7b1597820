import { readFileSync } from 'node:fs';
import { Font, create } from 'fontkit';
import { dirname, join } from 'node:path';

/**
 * The PDF's typefaces: Noto Sans (Latin, Greek, Cyrillic), Noto Sans Arabic
 * and Noto Sans SC (Chinese), as TrueType files from the @expo-google-fonts
 * packages, so nothing is downloaded at run time. pdfkit embeds each font
 * used as a subset of the glyphs drawn, so a report carries only what it
 * prints (the 10 MB Chinese font adds a few hundred kilobytes to a Chinese
 * report, nothing to one without Chinese text).
 */
export type FontFace = 'latin' | 'arabic' | 'cjk';
export type FontWeight = 'regular' | 'bold';
export const FONT_FACES: FontFace[] = ['latin', 'arabic', 'cjk'];

const FILES: Record<FontFace, { pkg: string; family: string }> = {
  latin: { pkg: '@expo-google-fonts/noto-sans', family: 'NotoSans' },
  arabic: { pkg: '@expo-google-fonts/noto-sans-arabic', family: 'NotoSansArabic' },
  cjk: { pkg: '@expo-google-fonts/noto-sans-sc', family: 'NotoSansSC' },
};

/** The path of one face and weight inside its package. */
export function fontFile(face: FontFace, weight: FontWeight): string {
  const { pkg, family } = FILES[face];
  const root = dirname(require.resolve(`${pkg}/package.json`));
  return weight === 'bold' ? join(root, '700Bold', `${family}_700Bold.ttf`) : join(root, '400Regular', `${family}_400Regular.ttf`);
}

const loaded = new Map<string, Font>();

/**
 * One face and weight, read and parsed once per thread: a render thread lives
 * for many reports, the Chinese face alone is 10 MB, and fontkit parses its
 * shaping tables lazily, so a font kept is a font whose tables are parsed
 * already. Loaded only when a report first draws text in that face; every
 * document embeds its own subset of it.
 */
export function fontObject(face: FontFace, weight: FontWeight): Font {
  const file = fontFile(face, weight);
  let font = loaded.get(file);
  if (!font) loaded.set(file, (font = create(readFileSync(file))));
  return font;
}

/** The name a face and weight is registered under in a pdfkit document. */
export const fontName = (face: FontFace, weight: FontWeight): string => `${face}-${weight}`;

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

export const hasArabic = (text: string): boolean => ARABIC.test(text);

/**
 * The face a character is drawn in by its script; null for characters every
 * face has (spaces, digits, common punctuation), which join the run around them.
 */
export function faceOf(ch: string): FontFace | null {
  if (ARABIC.test(ch)) return 'arabic';
  if (CJK.test(ch)) return 'cjk';
  if (/[\s\d.,:;!?'"()[\]/\\%+\-–—…•·\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(ch)) return null;
  return 'latin';
}
