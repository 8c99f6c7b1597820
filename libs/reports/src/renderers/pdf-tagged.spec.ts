import { buildRoundTableReport } from '../builders/round-table.builder';
import { sanitiseRichText } from '../editorial/rich-text';
import { FootnotesBlock, ReportDocument } from '../model/document.types';
import { CYCLE, overviewDataset } from '../testing/hand-made.fixture';
import { StructNode, pdfCatalog, pdfInfo, pdfSource, pdfToText, structureTree } from '../testing/pdf-text';
import { handMadeSummary } from '../testing/rendered.fixture';
import { renderPdf } from './pdf.renderer';

const INTRO = '<h3>Why this note</h3><p>The Forum reviews progress; see <a href="https://www.un.org/imrf">the IMRF page</a>.</p><ul><li>First point</li><li>Second point</li></ul>';

function withIntroduction(base: ReportDocument): ReportDocument {
  return { ...base, editorial: { revision: 1, introduction: sanitiseRichText(INTRO).blocks, commentary: {} } };
}

/** The children of the node at `i` (the nodes one level deeper until the next sibling). */
function childrenOf(tree: StructNode[], i: number): StructNode[] {
  const out: StructNode[] = [];
  for (let j = i + 1; j < tree.length && tree[j].depth > tree[i].depth; j++) if (tree[j].depth === tree[i].depth + 1) out.push(tree[j]);
  return out;
}

describe('the report PDF is tagged', () => {
  const doc = withIntroduction(handMadeSummary());
  let pdf: Buffer;
  let tree: StructNode[];
  beforeAll(async () => {
    pdf = await renderPdf(doc);
    tree = structureTree(pdf);
  });

  it('declares itself tagged, in its language, titled', () => {
    expect(pdfCatalog(pdf)).toEqual({ lang: 'en', marked: true, structTreeRoot: true, displayDocTitle: true });
    expect(pdfInfo(pdf)).toMatchObject({ Title: doc.title, Tagged: 'yes', 'PDF version': '1.7' });
    expect(tree[0]).toMatchObject({ type: 'Document', depth: 0 });
  });

  it('has the title, the section titles and the headings in reading order as H1, H2, H3', () => {
    const headings = tree.filter((n) => /^H\d$/.test(n.type)).map((n) => [n.type, n.text]);
    expect(headings[0]).toEqual(['H1', doc.title]);
    expect(headings.filter(([t]) => t === 'H1')).toHaveLength(1);
    expect(headings.filter(([t]) => t === 'H2').map(([, text]) => text)).toEqual(['Introduction', ...doc.sections.map((s) => s.title)]);
    expect(headings[1]).toEqual(['H2', 'Introduction']);
    expect(headings[2]).toEqual(['H3', 'Why this note']);
    // Each section is a Sect whose first child is its H2.
    const sects = tree.map((n, i) => [n, i] as const).filter(([n]) => n.type === 'Sect');
    expect(sects).toHaveLength(doc.sections.length + 1);
    for (const [, i] of sects) expect(childrenOf(tree, i)[0].type).toBe('H2');
  });

  it('has every table as a Table whose first row holds TH cells (scope Column) and whose other rows hold TD', () => {
    const tables = tree.map((n, i) => [n, i] as const).filter(([n]) => n.type === 'Table');
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const [, i] of tables) {
      const rows = childrenOf(tree, i).filter((n) => n.type === 'TR');
      const rowIndexes = tree.map((n, j) => j).filter((j) => j > i && rows.includes(tree[j]));
      const [head, ...body] = rowIndexes.map((j) => childrenOf(tree, j));
      expect(head.length).toBeGreaterThan(0);
      for (const th of head) expect(th).toMatchObject({ type: 'TH', attributes: ['/Scope /Column'] });
      for (const cells of body) expect(cells.map((c) => c.type)).toEqual(head.map(() => 'TD'));
    }
    // The objective coverage table, row 8, as a reader hears it.
    const coverage = tree.find((n) => n.type === 'TD' && n.text === 'Saving lives and missing migrants');
    expect(coverage).toBeDefined();
    const caption = tree.find((n) => n.type === 'Caption');
    expect(tree[tree.indexOf(caption!) - 1].type).toBe('Table');
  });

  it('has lists as L of LI with a label and a body, and the address as a Link tied to its annotation', () => {
    const items = tree.filter((n) => n.type === 'LBody').map((n) => n.text);
    expect(items).toEqual(expect.arrayContaining(['First point', 'Second point']));
    expect(tree.filter((n) => n.type === 'Lbl').length).toBe(items.length);
    const link = tree.find((n) => n.type === 'Link');
    expect(link?.text).toContain('(https://www.un.org/imrf)');
    const raw = pdfSource(pdf);
    expect(raw).toMatch(/\/Subtype \/Link[\s\S]{0,200}\/StructParent \d+/);
    expect(raw).toMatch(/\/Type\s*\/OBJR/);
  });

  it('keeps page furniture out of the tree: footers and page numbers print but are artifacts', () => {
    expect(pdfToText(pdf)).toMatch(/Page 1 of \d+/);
    expect(tree.some((n) => /Page \d+ of/.test(n.text))).toBe(false);
    // The title appears once in the tree (the H1), though every page's footer prints it.
    expect(tree.filter((n) => n.text.includes(doc.title))).toHaveLength(1);
  });

  it('tags footnotes as Note and states the document language per report language', async () => {
    const data = overviewDataset();
    const round = buildRoundTableReport({ ...data, scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });
    const notes = round.sections.flatMap((s) => s.blocks).find((b): b is FootnotesBlock => b.type === 'footnotes')!;
    const roundPdf = await renderPdf(round);
    const noteTexts = structureTree(roundPdf).filter((n) => n.type === 'Note').map((n) => n.text);
    for (const f of notes.items) expect(noteTexts.some((t) => t.startsWith(`[${f.number}] `))).toBe(true);
    for (const language of ['ar', 'zh', 'fr'] as const) {
      const localised = await renderPdf({ ...doc, metadata: { ...doc.metadata, language } });
      expect(pdfCatalog(localised)).toMatchObject({ lang: language, marked: true, structTreeRoot: true });
    }
  });
});
