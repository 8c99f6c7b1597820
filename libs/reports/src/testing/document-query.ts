import { Block, KeyFiguresBlock, ReportDocument, Section, StatusDistributionBlock, TableBlock } from '../model/document.types';

/** Small readers for specs: find blocks and texts in a built document. */
export function blockById<T extends Block>(doc: ReportDocument, id: string): T {
  for (const s of doc.sections) for (const b of s.blocks) if ('id' in b && b.id === id) return b as T;
  throw new Error(`no block ${id} in ${doc.kind} report`);
}

export const tableById = (doc: ReportDocument, id: string) => blockById<TableBlock>(doc, id);
export const distributionById = (doc: ReportDocument, id: string) => blockById<StatusDistributionBlock>(doc, id);

export function figureValue(doc: ReportDocument, key: string, block = 'headline'): number | null {
  const f = blockById<KeyFiguresBlock>(doc, block).items.find((i) => i.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f.value;
}

export function sectionById(doc: ReportDocument, id: string): Section {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

/** Every paragraph, list item, note and heading of a section, in order. */
export function sectionTexts(doc: ReportDocument, id: string): string[] {
  return sectionById(doc, id).blocks.flatMap((b) => {
    if (b.type === 'list') return b.items;
    if (b.type === 'paragraph' || b.type === 'note' || b.type === 'heading') return [b.text];
    return [];
  });
}

export function statusCount(d: StatusDistributionBlock, status: string): number {
  return d.entries.find((e) => e.status === status)?.count ?? 0;
}
