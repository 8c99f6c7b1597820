import { parse } from 'csv-parse/sync';
import { ReportDocument } from '../model/document.types';
import { REPORT_KINDS, ReportInput, ReportKind, ReportScopes } from '../model/report-kind.types';
import { REPORT_FORMATS, renderReport } from '../renderers/render-report';
import { pdfToText } from '../testing/pdf-text';
import { CYCLE, PREVIOUS, handMadeDataset } from '../testing/hand-made.fixture';
import { buildReport } from './build-report';

const data = handMadeDataset();
const SCOPES: ReportScopes = {
  state: { organisationId: data.organisations[5].id, cycleCode: CYCLE.code },
  objective: { objective: 13, cycleCode: CYCLE.code },
  theme: { theme: 2, cycleCode: CYCLE.code },
  region: { m49: '002', cycleCode: CYCLE.code },
  round_table: { roundTable: 'RT4', cycleCodes: [PREVIOUS.code, CYCLE.code] },
  imrf_summary: { cycleCodes: [PREVIOUS.code, CYCLE.code] },
};

const CONTENT_TYPES: Record<string, [string, string]> = {
  json: ['application/json; charset=utf-8', 'json'],
  html: ['text/html; charset=utf-8', 'html'],
  pdf: ['application/pdf', 'pdf'],
  csv: ['text/csv; charset=utf-8; header=present', 'csv'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
};

describe.each(REPORT_KINDS)('buildReport(%s) and renderReport', (kind: ReportKind) => {
  let doc: ReportDocument;
  beforeAll(() => {
    doc = buildReport(kind, { ...handMadeDataset(), scope: SCOPES[kind] } as ReportInput<typeof kind>);
  });

  it('builds a document of that kind, pinned to the snapshot and closed by the method notes', () => {
    expect(doc.kind).toBe(kind);
    expect(doc.metadata.snapshot).toEqual(data.snapshot);
    expect(doc.metadata.scope).toEqual(SCOPES[kind]);
    expect(doc.sections[doc.sections.length - 1].id).toBe('method');
    expect(new Set(doc.sections.map((s) => s.id)).size).toBe(doc.sections.length);
  });

  it.each(REPORT_FORMATS)('renders %s with its content type, title inside', async (format) => {
    const r = await renderReport(doc, format);
    expect([r.contentType, r.extension]).toEqual(CONTENT_TYPES[format]);
    expect(r.bytes.length).toBeGreaterThan(100);
    if (format === 'json') expect(JSON.parse(r.bytes.toString('utf8')).title).toBe(doc.title);
    if (format === 'html') expect(r.bytes.toString('utf8')).toContain(`<h1>`);
    if (format === 'pdf') expect(pdfToText(r.bytes).replace(/\s+/g, ' ')).toContain(doc.sections[0].title);
    if (format === 'csv') expect((parse(r.bytes, { columns: true }) as unknown[]).length).toBeGreaterThan(0);
    if (format === 'xlsx') expect(r.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

it('refuses an unknown kind', () => {
  expect(() => buildReport('country' as never, { ...data, scope: SCOPES.state } as never)).toThrow('unknown report kind country');
});

describe('a cycle nobody reported in', () => {
  it('builds every kind with null shares (never NaN) and renders them all', async () => {
    const empty = { ...handMadeDataset(), pledges: [], updates: [] };
    for (const kind of REPORT_KINDS) {
      const doc = buildReport(kind, { ...empty, scope: SCOPES[kind] } as ReportInput<typeof kind>);
      for (const format of REPORT_FORMATS) await expect(renderReport(doc, format)).resolves.toMatchObject({ extension: format });
    }
    const summary = buildReport('imrf_summary', { ...empty, scope: SCOPES.imrf_summary });
    expect(JSON.stringify(summary)).not.toContain('NaN');
    const overview = summary.sections[0].blocks.find((b) => b.type === 'paragraph');
    expect(overview).toMatchObject({ text: expect.stringMatching(/^No State has a pledge owing an update in 2025-H2 to 2026-H1\./) });
  });
});
