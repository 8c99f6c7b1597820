import { cleanText, toLines } from './text.util';

export interface Objective {
  number: number;
  title: string;
  shortLabel: string;
}

export interface Principle {
  key: string;
  name: string;
  gist: string;
}

export interface RoundTable {
  code: string;
  objectives: number[];
}

export interface Theme {
  number: number;
  title: string;
}

export interface CrosswalkEntry {
  objective: number;
  /** First entry is the primary theme; order is meaningful. */
  themes: number[];
}

export interface FrameworkMarkdown {
  objectives: Objective[];
  principles: Principle[];
  roundTables: RoundTable[];
  themes: Theme[];
  crosswalk: CrosswalkEntry[];
}

interface Block {
  header: string;
  /** 1-based line number in the source, so errors point at the right place. */
  rows: { line: number; cells: string[] }[];
}

/** Headers are compared loosely so that `No | Title` still finds `no|title`. */
function headerKey(line: string): string {
  return line
    .split('|')
    .map((c) => c.trim().toLowerCase().replace(/\s+/g, ' '))
    .join('|');
}

/** Collects every fenced code block; the first non-blank line is its header. */
function readBlocks(md: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let inFence = false;
  toLines(md).forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('```')) {
      if (inFence && current) blocks.push(current);
      inFence = !inFence;
      current = null;
      return;
    }
    if (!inFence || line === '') return;
    if (!current) {
      current = { header: headerKey(line), rows: [] };
      return;
    }
    current.rows.push({ line: index + 1, cells: line.split('|').map((c) => c.trim()) });
  });
  if (inFence) throw new Error('gcm-framework.md: unterminated ``` code block');
  return blocks;
}

/**
 * Blocks are looked up by header rather than position because the reference
 * document is edited by hand and sections get reordered.
 */
function block(blocks: Block[], header: string, name: string): Block['rows'] {
  const found = blocks.filter((b) => b.header === header);
  if (found.length === 0) throw new Error(`gcm-framework.md: missing ${name} block (header "${header}")`);
  if (found.length > 1) throw new Error(`gcm-framework.md: ${name} block (header "${header}") appears twice`);
  const rows = found[0].rows;
  const width = header.split('|').length;
  for (const row of rows) {
    if (row.cells.length !== width) {
      throw new Error(`gcm-framework.md line ${row.line}: ${name} row needs ${width} columns, got ${row.cells.length}`);
    }
  }
  return rows;
}

function int(value: string, line: number): number {
  if (!/^\d+$/.test(value)) throw new Error(`gcm-framework.md line ${line}: "${value}" is not a whole number`);
  return Number(value);
}

function intList(value: string, line: number): number[] {
  return value.split(',').map((v) => int(v.trim(), line));
}

function assertUnique<T>(items: T[], key: (item: T) => string | number, name: string): void {
  const seen = new Set<string | number>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new Error(`gcm-framework.md: duplicate ${name} ${k}`);
    seen.add(k);
  }
}

/** References between blocks are checked here so a typo fails the seed, not a later join. */
function assertKnown(values: number[], known: Set<number>, what: string, where: string): void {
  for (const v of values) {
    if (!known.has(v)) throw new Error(`gcm-framework.md: ${where} refers to unknown ${what} ${v}`);
  }
}

export function parseFrameworkMarkdown(md: string): FrameworkMarkdown {
  const blocks = readBlocks(md);

  const objectives = block(blocks, 'no|title|short label', 'objectives').map(({ line, cells }) => ({
    number: int(cells[0], line),
    title: cleanText(cells[1]),
    shortLabel: cleanText(cells[2]),
  }));
  const principles = block(blocks, 'key|name|gist', 'principles').map(({ cells }) => ({
    key: cells[0].toLowerCase(),
    name: cleanText(cells[1]),
    gist: cleanText(cells[2]),
  }));
  const roundTables = block(blocks, 'round table|objectives', 'round tables').map(({ line, cells }) => ({
    code: cells[0].toUpperCase(),
    objectives: intList(cells[1], line),
  }));
  const themes = block(blocks, 'no|title', 'themes').map(({ line, cells }) => ({
    number: int(cells[0], line),
    title: cleanText(cells[1]),
  }));
  const crosswalk = block(blocks, 'objective|themes', 'crosswalk').map(({ line, cells }) => ({
    objective: int(cells[0], line),
    themes: intList(cells[1], line),
  }));

  assertUnique(objectives, (o) => o.number, 'objective');
  assertUnique(principles, (p) => p.key, 'principle');
  assertUnique(roundTables, (r) => r.code, 'round table');
  assertUnique(themes, (t) => t.number, 'theme');
  assertUnique(crosswalk, (c) => c.objective, 'crosswalk objective');

  const objectiveNos = new Set(objectives.map((o) => o.number));
  const themeNos = new Set(themes.map((t) => t.number));
  for (const rt of roundTables) assertKnown(rt.objectives, objectiveNos, 'objective', `round table ${rt.code}`);
  for (const cw of crosswalk) {
    assertKnown([cw.objective], objectiveNos, 'objective', 'crosswalk');
    assertKnown(cw.themes, themeNos, 'theme', `crosswalk for objective ${cw.objective}`);
  }

  return { objectives, principles, roundTables, themes, crosswalk };
}
