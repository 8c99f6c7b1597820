import { inflateSync } from 'node:zlib';
import { ChartBlock, ReportDocument } from '../model/document.types';
import { buildImrfSummary } from '../builders/imrf-summary.builder';
import { builderText } from '../i18n/builder-text';
import { reportText } from '../i18n/report-text';
import { pdfSource, pdfToText, structureTree } from '../testing/pdf-text';
import { EARLIER, LATER, twoCyclesDataset } from '../testing/two-cycles.fixture';
import { renderCsv } from './csv.renderer';
import { renderHtml } from './html.renderer';
import { renderJson } from './json.renderer';
import PDFDocument from 'pdfkit';
import { drawChart } from './pdf-chart';
import { PdfScript } from './pdf-script';
import { PdfTags } from './pdf-tags';
import { renderPdf } from './pdf.renderer';

const span = (language: 'en' | 'ar' | 'zh') =>
  buildImrfSummary({ ...twoCyclesDataset(), language, scope: { cycleCodes: [EARLIER.code, LATER.code] } });
const charts = (doc: ReportDocument) => doc.sections.flatMap((s) => s.blocks).filter((b): b is ChartBlock => b.type === 'chart');
const withoutCharts = (doc: ReportDocument): ReportDocument => ({ ...doc, sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.type !== 'chart') })) });
const unisolated = (s: string) => s.replace(/[\u2068\u2069]/g, '');

/** The page content streams of a PDF, inflated: what its drawing operators are. */
function contentOperators(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Font programs and other binary streams that are not drawing.
    }
  }
  return out.join('\n');
}
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('charts in the HTML edition', () => {
  const doc = span('en');
  const html = renderHtml(doc).toString('utf8');

  it('draw each chart as inline SVG with role="img", a title and a text alternative naming the table', () => {
    const svgs = [...html.matchAll(/<svg class="chart" viewBox="0 0 360 \d+" role="img" aria-labelledby="(chart-\d+)-t \1-d"[^>]*><title id="\1-t">([^<]*)<\/title><desc id="\1-d">([^<]*)<\/desc>/g)];
    expect(svgs.map((m) => m[2])).toEqual(charts(doc).map((c) => c.title));
    const trend = svgs[svgs.length - 2][3];
    expect(trend).toContain('Reporting and status transitions, cycle by cycle');
    expect(trend).toContain(`${EARLIER.code}: Reporting rate 75%, Pledges with an update 63%`);
  });

  it('print each chart beside the table with its numbers, still visible', () => {
    for (const c of charts(doc)) {
      expect(html).toMatch(new RegExp(`<div class="chart-pair[^"]*"><div class="charts">(<figure class="chart-figure">.*?</figure>)+</div><div class="table-wrap" role="region" tabindex="0" aria-label="[^"]*"><table( class="distribution")? id="${c.tableId}">`));
    }
    expect(html).toContain('<div class="chart-pair stacked">');
  });

  it('stay self-contained and CSP-safe: no script, no style attribute, no outside reference, patterns by local id', () => {
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(charts(doc).length);
    for (const svg of svgs) {
      expect(svg).not.toMatch(/<script|style=|href=|https?:|<image|on[a-z]+=/i);
      for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(svg).toContain(`<pattern id="${m[1]}"`);
    }
    expect(count(svgs.join(''), /<pattern id=/g)).toBeGreaterThan(0);
  });

  it('mirror an Arabic chart: the first cycle at the right, text anchored right to left', () => {
    const ar = renderHtml(span('ar')).toString('utf8');
    expect(ar).toContain('direction="rtl"');
    const line = ar.slice(ar.indexOf(`<title id="chart-3-t">${builderText('ar').t('chartRatesTitle')}`));
    const xOf = (code: string) => Number(new RegExp(`<text x="([\\d.]+)"[^>]*>\u2068${code}\u2069</text>`).exec(line)?.[1]);
    expect(xOf(EARLIER.code)).toBeGreaterThan(xOf(LATER.code));
  });
});

describe('charts in the PDF edition', () => {
  let en: Buffer;
  let plain: Buffer;
  beforeAll(async () => {
    const doc = span('en');
    [en, plain] = await Promise.all([renderPdf(doc), renderPdf(withoutCharts(doc))]);
  });

  it('are vector paths (rectangles, lines, curves), never images', () => {
    const withOps = contentOperators(en);
    const withoutOps = contentOperators(plain);
    expect(count(withOps, / re\n/g)).toBeGreaterThan(count(withoutOps, / re\n/g) + 20);
    expect(count(withOps, / l\n/g)).toBeGreaterThan(count(withoutOps, / l\n/g) + 10);
    expect(count(withOps, / c\n/g)).toBeGreaterThan(0);
    expect(en.toString('latin1')).not.toContain('/Subtype /Image');
  });

  it('set their titles, axes and labels as text that pdftotext reads back', () => {
    const text = pdfToText(en, false);
    expect(text).toContain('Reporting by cycle');
    expect(text).toContain('Status transitions by cycle');
    expect(text).toMatch(/Newly achieved[\s\S]*Newly delayed/);
    expect(text).toMatch(/0%\s+25%\s+50%\s+75%\s+100%/);
  });

  it('set Arabic labels shaped and in logical order, Chinese in its face', async () => {
    for (const language of ['ar', 'zh'] as const) {
      const doc = span(language);
      // Letters in logical order; pdftotext sets Arabic vowel marks (shadda) apart, so they are left out of the comparison.
      const marks = (s: string) => s.replace(/\s?[\u064b-\u065f\u0670]/g, '').replace(/[\u202a-\u202e]/g, '');
      const text = marks(pdfToText(await renderPdf(doc), false));
      const tr = builderText(language);
      expect(text).toContain(marks(tr.t('chartRatesTitle')));
      expect(text).toContain(marks(tr.t('chartTransitionsTitle')));
      // Each status label is printed by the chart and by the table beside it.
      const onTrack = tr.status('on_track');
      expect(count(text, new RegExp(onTrack, 'g'))).toBeGreaterThanOrEqual(2);
    }
  });

  it('keep the page flow: the table after a chart starts below it, on the same page or the next', async () => {
    const text = pdfToText(en);
    const pages = text.split('\f');
    const page = pages.findIndex((p) => p.includes('Reporting by cycle'));
    const after = pages.slice(page).join('\f');
    const chartAt = after.indexOf('Status transitions by cycle');
    const tableAt = after.indexOf('Reporting and status transitions, cycle by cycle', chartAt);
    expect(chartAt).toBeGreaterThan(after.indexOf('Reporting by cycle'));
    expect(tableAt).toBeGreaterThan(chartAt);
  });
});

describe('charts in a tagged PDF', () => {
  it('are each one Figure structure element with the chart\'s text alternative as /Alt', async () => {
    const doc = new PDFDocument({ size: 'A4', tagged: true, lang: 'en', pdfVersion: '1.7' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    const cs = charts(span('en'));
    const tags = new PdfTags(doc);
    for (const c of cs) drawChart(doc, new PdfScript(doc, 'ltr'), c, reportText('en'), (alt, draw) => tags.figure(alt, undefined, draw));
    tags.end();
    doc.end();
    // The structure elements are in object streams (pdf-objects.ts).
    const raw = pdfSource(await done);
    expect(count(raw, /\/S\s*\/Figure/g)).toBe(cs.length);
    expect(count(raw, /\/Alt\s*\(/g)).toBe(cs.length);
  });

  it('sit in the report\'s structure tree as Figures, one per chart', async () => {
    const model = span('en');
    const tree = structureTree(await renderPdf(model));
    expect(tree.filter((e) => e.type === 'Figure')).toHaveLength(charts(model).length);
  });
});

describe('charts in the data editions', () => {
  it('JSON keeps the chart blocks with their data; the CSV annex holds only tables', () => {
    const doc = span('en');
    const json = JSON.parse(renderJson(doc).toString('utf8')) as ReportDocument;
    expect(charts(json)).toEqual(charts(doc));
    const csv = renderCsv(doc).toString('utf8');
    for (const c of charts(doc)) expect(csv).not.toContain(`,${c.id},`);
    expect(csv).toContain(',change-trend,');
  });

  it('name the chart in the report language in its text alternative', () => {
    const ar = span('ar');
    const html = renderHtml(ar).toString('utf8');
    const c = charts(ar)[0];
    const desc = unisolated(reportText('ar').t('chartAlt', { title: c.title, caption: c.tableCaption, values: 'X' })).split('X')[0];
    expect(unisolated(html)).toContain(desc.replace(/"/g, '&quot;'));
  });
});
