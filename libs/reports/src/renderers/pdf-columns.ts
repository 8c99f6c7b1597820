import { Measure, lineWidth, words } from './pdf-measure';

/** What a column needs: `min` fits its longest word, `max` its longest cell on one line. */
export interface ColumnNeed {
  min: number;
  max: number;
  /** Numbers and bars: never narrower than `min`, and they take no spare room. */
  fixed: boolean;
}

/**
 * The needs of one column from its header (bold) and cells (regular), padding
 * included. A header asks only for its longest word: it may wrap, the body
 * should not have to.
 */
export function columnNeed(header: string, cells: string[], fixed: boolean, regular: Measure, bold: Measure, pad: number): ColumnNeed {
  let min = 0;
  let max = 0;
  for (const w of words(header)) min = Math.max(min, bold(w));
  for (const cell of cells) {
    for (const w of words(cell)) min = Math.max(min, regular(w));
    max = Math.max(max, lineWidth(cell, regular));
  }
  // A number is one word: its column is as wide as its widest value.
  if (fixed) min = Math.max(min, ...cells.map((c) => lineWidth(c, regular)));
  return { min: min + 2 * pad, max: Math.max(min, max) + 2 * pad, fixed };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Shares the page width between columns the way browsers lay out an automatic
 * table: every column gets at least its longest word, text columns then grow
 * toward their longest cell in proportion to how much more they want, and any
 * room left over goes to every column by its width. Only when even the
 * longest words do not fit are the widest text columns narrowed (so only their
 * longest words break); numbers keep their width.
 */
export function distributeWidths(needs: ColumnNeed[], total: number): number[] {
  const mins = needs.map((n) => n.min);
  const minSum = sum(mins);
  if (minSum > total) return narrowWidest(needs, total);
  const maxSum = sum(needs.map((n) => n.max));
  if (maxSum <= total) {
    // Everything fits on one line: the room left is shared by width, so numbers stay near their labels.
    return needs.map((n) => n.max + ((total - maxSum) * n.max) / (maxSum || 1));
  }
  const spare = total - minSum;
  const want = needs.map((n) => n.max - n.min);
  const wantSum = sum(want) || 1;
  return needs.map((n, i) => n.min + (spare * want[i]) / wantSum);
}

/** Caps text columns at the one width that makes the table fit (water-filling); fixed columns keep their minimum. */
function narrowWidest(needs: ColumnNeed[], total: number): number[] {
  const fixedSum = sum(needs.filter((n) => n.fixed).map((n) => n.min));
  const text = needs.filter((n) => !n.fixed).map((n) => n.min).sort((a, b) => a - b);
  if (text.length === 0 || fixedSum >= total) {
    const all = sum(needs.map((n) => n.min));
    return needs.map((n) => (n.min * total) / all);
  }
  let room = total - fixedSum;
  let cap = room / text.length;
  for (let i = 0; i < text.length; i++) {
    cap = room / (text.length - i);
    if (text[i] > cap) break;
    room -= text[i];
    cap = Infinity;
  }
  return needs.map((n) => (n.fixed ? n.min : Math.min(n.min, cap)));
}
