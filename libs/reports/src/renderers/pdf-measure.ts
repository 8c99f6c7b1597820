export type Measure = (text: string) => number;

/** Words of a cell; a hyphenated reference (GCM-P-2025-00042) is one word. */
export const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** The width of the text set on one line: its words and the spaces between them. */
export function lineWidth(text: string, measure: Measure): number {
  const ws = words(text);
  return ws.reduce((sum, w) => sum + measure(w), 0) + Math.max(0, ws.length - 1) * measure(' ');
}

/** Cuts a word wider than the column into pieces that fit, letter by letter. */
function splitWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && measure(piece + ch) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Greedy word wrap: lines break at spaces (and at the text's own line breaks);
 * a word is cut only when it alone is wider than the column.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of words(paragraph)) {
      const w = measure(word);
      if (line !== '' && used + space + w <= width + 0.01) {
        line += ` ${word}`;
        used += space + w;
        continue;
      }
      if (line !== '') lines.push(line);
      if (w <= width + 0.01) {
        line = word;
        used = w;
      } else {
        const pieces = splitWord(word, width, measure);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1];
        used = measure(line);
      }
    }
    lines.push(line);
  }
  return lines;
}
