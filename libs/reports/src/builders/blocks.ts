import {
  Block, Cell, ColumnType, DistributionStatus, FigureFormat, KeyFigure, KeyFiguresBlock, ListBlock, NoteBlock,
  ParagraphBlock, StatusDistributionBlock, TableBlock, TableColumn, HeadingBlock,
} from '../model/document.types';
import type { BuilderText } from '../i18n/builder-text';
import { PledgeListFilter, pledgeListHref } from './figure-links';
import { Share, statusDistribution, wholePercent } from './statistics';

export const heading = (text: string, level: 3 | 4 = 3): HeadingBlock => ({ type: 'heading', level, text });
export const paragraph = (text: string): ParagraphBlock => ({ type: 'paragraph', text });
export const note = (text: string, tone: NoteBlock['tone'] = 'info'): NoteBlock => ({ type: 'note', tone, text });
export const list = (items: string[], ordered = false, lang?: string): ListBlock => ({ type: 'list', ordered, items, ...(lang ? { lang } : {}) });
export const col = (key: string, label: string, type: ColumnType = 'text'): TableColumn => ({ key, label, type });

export function table(
  id: string, caption: string, columns: TableColumn[], rows: Record<string, Cell>[], links?: (Record<string, string> | null)[],
): TableBlock {
  // Every row carries every column (null when absent) so renderers never meet undefined.
  const full = rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, r[c.key] ?? null])));
  const block: TableBlock = { type: 'table', id, caption, columns, rows: full };
  if (links?.some((l) => l && Object.keys(l).length > 0)) block.links = full.map((_, i) => links[i] ?? {});
  return block;
}

export function figure(
  key: string, label: string, value: number | null, format: FigureFormat, detail: string | null = null,
  /** The list of what the figure counts (figure-links.ts). */
  href?: string,
): KeyFigure {
  return href === undefined ? { key, label, value, format, detail } : { key, label, value, format, detail, href };
}

/** A share as a percent figure, with "n of d unit" beside it. */
export function shareFigure(key: string, label: string, s: Share, unit: string | ((s: Share) => string)): KeyFigure {
  return figure(key, label, s.ratio, 'percent', typeof unit === 'string' ? `${s.numerator} of ${s.denominator} ${unit}` : unit(s));
}

export const keyFigures = (id: string, items: KeyFigure[]): KeyFiguresBlock => ({ type: 'key_figures', id, items });

export function distribution(
  id: string, caption: string, statuses: Iterable<DistributionStatus>, tr?: BuilderText,
  /** When `statuses` are exactly one cycle's population a list filter can say: each count links to its pledges. */
  population?: Omit<PledgeListFilter, 'statusInCycle'>,
): StatusDistributionBlock {
  const { total, entries } = statusDistribution(statuses, tr?.status);
  if (!population) return { type: 'status_distribution', id, caption, total, entries };
  return {
    type: 'status_distribution', id, caption, total, href: pledgeListHref(population),
    entries: entries.map((e) => ({ ...e, href: pledgeListHref({ ...population, statusInCycle: e.status }) })),
  };
}

/** "17 percent (6 of 35)"; callers handle the empty denominator with `sentence`. */
export function describeShare(s: Share): string {
  return s.ratio === null ? 'none' : `${wholePercent(s.ratio)} percent (${s.numerator} of ${s.denominator})`;
}

/** `describeShare` in the report's language ("17 percent (6 of 35)" in English). */
export function describeShareIn(s: Share, tr: BuilderText): string {
  return s.ratio === null ? tr.t('shareNone') : tr.t('shareDescribed', { percent: tr.count(wholePercent(s.ratio)), numerator: tr.count(s.numerator), denominator: tr.count(s.denominator) });
}

/** A sentence about a share, or the given fallback when there was nothing to divide by. */
export function shareSentence(s: Share, sentence: (described: string) => string, whenEmpty: string): string {
  return s.ratio === null ? whenEmpty : sentence(describeShare(s));
}

/** Cuts long user text at a word boundary; the full text stays in the source data. */
export function excerpt(text: string, max = 400): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Drops empty blocks so a section never shows an empty table or list. */
export function compact(blocks: (Block | null | false)[]): Block[] {
  return blocks.filter((b): b is Block => {
    if (!b) return false;
    if (b.type === 'list') return b.items.length > 0;
    return true;
  });
}

/**
 * A narrative section (prose overview, change since the last cycle, guiding
 * questions, adoption), or none when the input leaves the narrative out: only
 * the benchmark's comparison run does (REPORT_NARRATIVE=off).
 */
export const narrative = <T>(input: { narrative?: boolean }, make: () => T): T[] => (input.narrative === false ? [] : [make()]);
