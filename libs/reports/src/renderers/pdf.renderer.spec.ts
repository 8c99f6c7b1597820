import { KeyFiguresBlock, ReportDocument, StatusDistributionBlock } from '../model/document.types';
import { blockById, tableById } from '../testing/document-query';
import { escapeRegExp, pdfFonts, pdfToText } from '../testing/pdf-text';
import { handMadeSummary, hostileObjectiveReport } from '../testing/rendered.fixture';
import { formatFigure, formatValue } from './format';
import { renderPdf } from './pdf.renderer';

describe('renderPdf, read back with pdftotext', () => {
  let doc: ReportDocument;
  let pdf: Buffer;
  let text: string;
  let lines: string[];
  beforeAll(async () => {
    doc = handMadeSummary();
    pdf = await renderPdf(doc);
    text = pdfToText(pdf);
    lines = text.split('\n');
  });
  const lineMatching = (cells: string[]) =>
    lines.find((l) => new RegExp(`^\\s*${cells.map(escapeRegExp).join('\\s+')}\\s*$`).test(l));

  it('is a PDF whose title and sections are extractable text', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain('IMRF summary: progress reported in 2026-H1');
    for (const s of doc.sections) expect(text).toContain(s.title);
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('holds every headline figure of the JSON model, on its label line', () => {
    for (const f of blockById<KeyFiguresBlock>(doc, 'headline').items) {
      const cells = [f.label, formatFigure(f), ...(f.detail ? [f.detail] : [])];
      expect({ figure: f.key, line: lineMatching(cells) }).toEqual({ figure: f.key, line: expect.any(String) });
    }
  });

  it('holds the objective coverage table row by row: objective 8 is 6 States, 17%', () => {
    const table = tableById(doc, 'objective-coverage');
    for (const r of table.rows) {
      const cells = table.columns.map((c) => formatValue(r[c.key], c.type));
      expect({ objective: r.objective, line: lineMatching(cells) }).toEqual({ objective: r.objective, line: expect.any(String) });
    }
    expect(lineMatching(['8', 'Saving lives and missing migrants', '12', '10', '6', '17%'])).toBeDefined();
    expect(text.replace(/\s+/g, ' ')).toContain('Only 17 percent (6 of 35) of reporting States reported on Objective 8');
  });

  it('holds the status distribution counts and shares', () => {
    const dist = blockById<StatusDistributionBlock>(doc, 'status-distribution');
    for (const e of dist.entries) expect(lineMatching([e.label, String(e.count), formatValue(e.ratio, 'percent')])).toBeDefined();
    expect(lineMatching(['Total', String(dist.total)])).toBeDefined();
  });

  it('renders the same model to the same bytes', async () => {
    expect((await renderPdf(doc)).equals(pdf)).toBe(true);
  });

  it('prints Latin accents and Greek as written, with the fonts embedded', async () => {
    const pdf = await renderPdf(hostileObjectiveReport());
    const hostile = pdfToText(pdf);
    expect(hostile).toContain(`<script>alert("x")</script> & 'Türkiye`);
    expect(hostile).toContain('Ελλάδα');
    expect(hostile).not.toMatch(/characters outside the PDF fonts/);
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
  });
});
