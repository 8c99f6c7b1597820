import { parse } from 'csv-parse/sync';
import { buildRoundTableReport } from '../builders/round-table.builder';
import { FootnotesBlock } from '../model/document.types';
import { CYCLE, overviewDataset } from '../testing/hand-made.fixture';
import { pdfToText } from '../testing/pdf-text';
import { renderCsv } from './csv.renderer';
import { renderHtml } from './html.renderer';
import { renderJson } from './json.renderer';
import { renderPdf } from './pdf.renderer';

/** The prose and footnote blocks of the overview of progress in every edition. */
describe('overview of progress in every edition', () => {
  const data = overviewDataset();
  data.updates = data.updates.map((u) => (u.pledgeId === 'p04' && u.cycleCode === CYCLE.code ? { ...u, actionsTaken: 'Closed the <script>alert(1)</script> & rescue gap.' } : u));
  const doc = buildRoundTableReport({ ...data, scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });
  const notes = doc.sections.flatMap((s) => s.blocks).find((b): b is FootnotesBlock => b.type === 'footnotes')!;
  const er1 = notes.items.find((f) => f.reference === 'er1')!;

  it('HTML: State names link to their reports, citations are superscript links to numbered footnotes', () => {
    const html = renderHtml(doc).toString('utf8');
    expect(html).toContain('<a href="/reports?kind=state&amp;scope=AFG&amp;cycle=2026-H1&amp;language=en">Afghanistan</a><sup class="cite"><a href="#fn-');
    for (const f of notes.items) expect(html).toContain(`<li id="fn-${f.number}" value="${f.number}">`);
    expect(html).toContain(`<li id="fn-${er1.number}" value="${er1.number}">Expert challenge report <a href="/api/v1/expert-reports/er1">er1</a> by Special Rapporteur`);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; rescue gap.');
  });

  it('PDF: the prose with bracketed citations and the footnotes as text', async () => {
    const text = pdfToText(await renderPdf(doc), false).replace(/\s+/g, ' ');
    expect(text).toContain('6 States reported on Objective 8 in 2026-H1: Afghanistan [');
    expect(text).toContain(`[${er1.number}] Expert challenge report er1 by Special Rapporteur on the human rights of migrants`);
    expect(text).toContain('“Rescue NGOs face prosecution in several States.”');
  });

  it('CSV annex and JSON: every footnote with its record and pledge reference', () => {
    const rows = parse(renderCsv(doc).toString('utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    const cited = rows.filter((r) => r.table === 'footnotes' && r.column === 'reference').map((r) => r.value);
    expect(cited).toEqual(notes.items.map((f) => f.reference));
    expect(rows.find((r) => r.table === 'footnotes' && r.column === 'quote' && r.value === 'Rescue NGOs face prosecution in several States.')).toBeDefined();
    const json = JSON.parse(renderJson(doc).toString('utf8'));
    const progress = json.sections.find((s: { id: string }) => s.id === 'progress');
    expect(progress.blocks.filter((b: { type: string }) => b.type === 'prose').length).toBeGreaterThan(5);
    expect(progress.blocks.find((b: { type: string }) => b.type === 'footnotes').items).toEqual(notes.items);
  });
});
