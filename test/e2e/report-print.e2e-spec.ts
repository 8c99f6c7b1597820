import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { QueueService } from '@gcm/platform';
import { ReportDocument, TableBlock } from '@gcm/reports';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { pdfToText } from '../../libs/reports/src/testing/pdf-text';
import { withRealisticIndicators } from '../../libs/reports/src/testing/rendered.fixture';
import { createUser, CreatedUser } from '../helpers/auth';
import { compileReport, downloadReport } from '../helpers/reports';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

const blocks = (doc: ReportDocument) => doc.sections.flatMap((s) => s.blocks);
const table = (doc: ReportDocument, id: string) => blocks(doc).find((b) => b.type === 'table' && b.id === id) as TableBlock;

/**
 * How the printed editions read, built by the worker from PostgreSQL: the
 * seeded framework (round-table titles as the platform stores them), the
 * practice cards imported from the Red Book at start-up, and the hand-made
 * data set with indicators as focal points write them.
 */
describe('printed reports, from the database', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  const data = withRealisticIndicators(handMadeDataset());
  const argentina = data.organisations.find((o) => o.id === data.pledges.find((p) => p.id === 'p05')!.leadOrganisationId)!;

  const generate = (body: Record<string, unknown>) => compileReport(t, sec.accessToken, body);
  const download = (version: string, format: string) => downloadReport(t, sec.accessToken, version, format);

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0' } });
    sec = await createUser(t, { role: 'secretariat' });
    const expert = await createUser(t, { role: 'expert' });
    await seedReportDataset(t.dataSource, data, { expertAuthorId: expert.user.id });
    worker = await startWorker();
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('prints a State report whose tables keep words whole and show baseline and target', async () => {
    const version = await generate({ kind: 'state', scope: argentina.countryAlpha3, cycle: '2026-H1' });
    const doc: ReportDocument = JSON.parse((await download(version, 'json')).toString('utf8'));
    const indicators = table(doc, 'indicators');
    expect(indicators.rows.map((r) => [r.unit, r.baseline, r.target])).toEqual([
      ['persons', 200, 50], ['municipalities', 12, 2500], ['percent of recovered remains', 35.5, 80],
    ]);
    const text = pdfToText(await download(version, 'pdf'));
    const section = text.slice(text.indexOf(indicators.caption), text.indexOf('Pledges as partner'));
    const words = new Set(section.split(/\s+/));
    for (const w of ['Direction', 'Baseline', 'Target', 'municipalities', 'decrease', 'increase', 'measurement', 'GCM-P-2025-00005']) expect(words).toContain(w);
    expect(section).toMatch(/GCM-P-2025-00005 .*\s200\s+50\s+20\s+2026-06-15\s+100%/);
    expect(section).toMatch(/GCM-P-2025-00005 .*\s12\s+2,500\s+1,400\s+2026-06-30\s+56%/);
    expect(section).toMatch(/GCM-P-2025-00005 .*\s35\.5\s+80\s+–/);
  });

  it('prints years without a thousands separator in the HTML, PDF and XLSX of the IMRF summary', async () => {
    const version = await generate({ kind: 'imrf_summary', cycle: '2026-H1' });
    const html = (await download(version, 'html')).toString('utf8');
    const pdf = pdfToText(await download(version, 'pdf'));
    expect(html).toContain('<tr><th scope="row">2026</th><td>Deaths at sea and the criminalisation of rescue</td>');
    expect(pdf).toMatch(/^\s*2026\s+Deaths at sea and the/m);
    for (const text of [html, pdf]) expect(text.match(/\b2,0\d\d\b/g)).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(version, 'xlsx')) as unknown as ArrayBuffer);
    const experts = wb.getWorksheet('expert-reports')!;
    expect([experts.getCell('A2').value, experts.getCell('A2').numFmt]).toEqual([2026, '0']);
    const headline = wb.getWorksheet('headline')!;
    const rate = headline.getRows(2, headline.rowCount - 1)!.find((r) => r.getCell(1).value === 'reportingRate')!;
    expect([rate.getCell(3).value, rate.getCell(3).numFmt]).toEqual([35 / 40, '0%']);
  });

  it('titles the round-table note with "IMRF" once and lists practices in the card\'s own case', async () => {
    const version = await generate({ kind: 'round_table', scope: 'RT2', cycle: '2026-H1' });
    const doc: ReportDocument = JSON.parse((await download(version, 'json')).toString('utf8'));
    expect(doc.title).toBe('IMRF 2022 round table 2: background note');
    const pdf = pdfToText(await download(version, 'pdf'));
    const html = (await download(version, 'html')).toString('utf8');
    for (const text of [pdf, html, JSON.stringify(doc)]) expect(text).not.toMatch(/IMRF\s+IMRF/);
    // The practices chosen for each objective (a table per objective, each card once per report), titled as the card is.
    const practices = blocks(doc).flatMap((b) => (b.type === 'table' && b.id.startsWith('practices-') ? b.rows : []));
    expect(practices.length).toBeGreaterThan(1);
    expect(new Set(practices.map((r) => r.code)).size).toBe(practices.length);
    for (const p of practices) {
      expect({ p: p.title, lower: /\p{Ll}{3}/u.test(String(p.title)) }).toEqual({ p: p.title, lower: true });
      const card = (await t.http.get(`/api/v1/practices/${p.code}`).expect(200)).body;
      expect(p.title).toBe(card.title);
    }
  });

  it('shows a practice field the Red Book gives as "Not available yet" as such', async () => {
    const card = (await t.http.get('/api/v1/practices/1.2.2').expect(200)).body;
    expect(card.lessonsLearned).toBe('Not available yet');
    expect(card.title).toBe('Collaborating to raise awareness against Trafficking in Persons');
  });
});
