import { parse } from 'csv-parse/sync';
import { TableBlock } from '../model/document.types';
import { changeSection } from '../builders/change.section';
import { DatasetIndex } from '../builders/dataset-index';
import { builderText } from '../i18n/builder-text';
import { LATER, twoCyclesDataset } from '../testing/two-cycles.fixture';
import { handMadeSummary } from '../testing/rendered.fixture';
import { printEdition, renderReport } from './render-report';

const table = (rows: number): TableBlock => ({
  type: 'table', id: 'long-list', caption: 'A long list', columns: [{ key: 'reference', label: 'Reference', type: 'text' }],
  rows: Array.from({ length: rows }, (_, i) => ({ reference: `GCM-P-2026-${String(i + 1).padStart(5, '0')}` })),
  printed: { rows: 3, note: 'The first 3 of 7 rows are printed here.' },
});

describe('a pledge list printed in part (TableBlock.printed)', () => {
  const base = handMadeSummary();
  const doc = { ...base, sections: [...base.sections, { id: 'lists', title: 'Lists', blocks: [table(7)] }] };

  it('keeps the first rows and the note in the reading editions, every row in the data editions', async () => {
    const printed = printEdition(doc).sections.find((s) => s.id === 'lists')!.blocks;
    expect(printed.map((b) => b.type)).toEqual(['table', 'note']);
    expect((printed[0] as TableBlock).rows.map((r) => r.reference)).toEqual(['GCM-P-2026-00001', 'GCM-P-2026-00002', 'GCM-P-2026-00003']);
    const html = (await renderReport(doc, 'html')).bytes.toString('utf8');
    expect(html).toContain('GCM-P-2026-00003');
    expect(html).not.toContain('GCM-P-2026-00004');
    expect(html).toContain('The first 3 of 7 rows are printed here.');
    const csv = parse((await renderReport(doc, 'csv')).bytes, { columns: true, bom: true }) as Record<string, string>[];
    expect(csv.filter((r) => r.table === 'long-list').map((r) => r.value)).toHaveLength(7);
    const json = JSON.parse((await renderReport(doc, 'json')).bytes.toString('utf8'));
    expect(json.sections.find((s: { id: string }) => s.id === 'lists').blocks[0].rows).toHaveLength(7);
  });

  it('prints a short list whole and leaves a document without such lists as it is', () => {
    const short = { ...doc, sections: [{ id: 'lists', title: 'Lists', blocks: [{ ...table(3) }] }] };
    expect(printEdition(short).sections[0].blocks).toHaveLength(1);
    expect(printEdition(base)).toBe(base);
  });

  it('is what the change section asks for in a report about many States, in the report language', () => {
    const index = new DatasetIndex(twoCyclesDataset());
    const section = changeSection(index, [LATER], () => true, builderText('fr'), { statesRate: true, printedRows: 2 });
    const transitions = section.blocks.find((b) => b.type === 'table' && b.id === 'change-transitions') as TableBlock;
    expect(transitions.rows).toHaveLength(4);
    expect(transitions.printed).toEqual({ rows: 2, note: 'Les 2 premières lignes sur 4 figurent ici ; l’édition JSON et les annexes CSV et XLSX les donnent toutes.' });
    const whole = changeSection(index, [LATER], () => true, builderText('fr'), { statesRate: false });
    expect(whole.blocks.some((b) => b.type === 'table' && b.printed)).toBe(false);
  });
});
