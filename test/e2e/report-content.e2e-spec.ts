import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { QueueService } from '@gcm/platform';
import { buildReport, DatasetSlicer, ReportDatasetLoader, renderJson, ReportDocument, ReportKind, TableBlock } from '@gcm/reports';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { escapeRegExp, pdfToText } from '../../libs/reports/src/testing/pdf-text';
import { createUser, CreatedUser } from '../helpers/auth';
import { compileReport, downloadReport } from '../helpers/reports';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker } from '../helpers/worker';
import { seedReportDataset, SeededIds } from '../support/report-dataset.seeder';

const table = (doc: ReportDocument, id: string) =>
  doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'table' && b.id === id) as TableBlock;
const figure = (doc: ReportDocument, key: string) =>
  doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'key_figures' ? b.items : [])).find((f) => f.key === key);

/**
 * The hand-made data set (40 States owe updates, 35 report, 6 of them
 * on objective 8) written to PostgreSQL and taken through the whole pipeline:
 * SQL loader, builder, renderers, stored files, download.
 */
describe('report content, from the database to every format', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  let ids: SeededIds;
  let versionId: string;
  const download = (format: string) => downloadReport(t, sec.accessToken, versionId, format);

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0' } });
    sec = await createUser(t, { role: 'secretariat' });
    const expert = await createUser(t, { role: 'expert' });
    ids = await seedReportDataset(t.dataSource, handMadeDataset(), { expertAuthorId: expert.user.id });
    worker = await startWorker();
    versionId = await compileReport(t, sec.accessToken, { kind: 'imrf_summary', cycle: '2026-H1' });
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('says 17 percent (6 of 35 reporting States) for objective 8 in the JSON edition', async () => {
    const doc: ReportDocument = JSON.parse((await download('json')).toString('utf8'));
    expect(figure(doc, 'reportingStates')?.value).toBe(35);
    const row8 = table(doc, 'objective-coverage').rows.find((r) => r.objective === 8);
    expect(row8).toMatchObject({ reportingStates: 6, share: 6 / 35 });
    const text = JSON.stringify(doc);
    expect(text).toContain('Only 17 percent (6 of 35) of reporting States reported on Objective 8');
    // Published expert reports are quoted; the one still under review is not.
    expect(text).toContain('Deaths at sea and the criminalisation of rescue');
    expect(text).not.toContain('Unpublished draft');
  });

  it('holds the same numbers in the PDF (read with pdftotext) and the XLSX annex (read with exceljs)', async () => {
    const doc: ReportDocument = JSON.parse((await download('json')).toString('utf8'));
    const coverage = table(doc, 'objective-coverage');
    const row8 = coverage.rows.find((r) => r.objective === 8)!;

    const lines = pdfToText(await download('pdf')).split('\n');
    const line8 = lines.find((l) => new RegExp(`^\\s*8\\s+${escapeRegExp(String(row8.label))}\\s+${row8.pledges}\\s+${row8.pledgingStates}\\s+6\\s+17%\\s*$`).test(l));
    expect(line8).toBeDefined();
    const rate = figure(doc, 'reportingRate')!;
    expect(lines.some((l) => l.includes('Reporting rate') && l.includes(`${Math.round(rate.value! * 100)}%`))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await download('xlsx') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('objective-coverage')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i++) rows.push((sheet.getRow(i).values as unknown[]).slice(1));
    expect(rows).toHaveLength(coverage.rows.length);
    const sheet8 = rows.find((r) => r[0] === 8)!;
    expect(sheet8[header.indexOf('Reporting States on it')]).toBe(6);
    expect(sheet8[header.indexOf('Share of reporting States')]).toBe(6 / 35);
    expect(sheet.getRow(rows.indexOf(sheet8) + 2).getCell(header.indexOf('Share of reporting States') + 1).numFmt).toBe('0%');

    const csv = (await download('csv')).toString('utf8');
    expect(csv).toContain(String(6 / 35));
  });

  it('builds each kind from its slice of the data exactly as from the whole data set', async () => {
    const loader = worker.get(ReportDatasetLoader);
    const slicer = new DatasetSlicer();
    const cycle = { cycleCodes: ['2026-H1'], cycleIds: [ids.cycles.get('2026-H1')!] };
    const whole = await loader.load(cycle.cycleIds);
    const [lead] = await t.dataSource.query('SELECT o.country_alpha3 AS a FROM pledge p JOIN organisation o ON o.id = p.lead_organisation_id WHERE p.id = $1', [ids.pledges.get('p02')]);
    const [ngo] = await t.dataSource.query(`SELECT id FROM organisation WHERE kind <> 'state' AND name LIKE 'Missing Migrants Watch%'`);
    const targets: [ReportKind, string][] = [
      ['objective', '8'], ['objective', '3'], ['theme', 'T1'], ['theme', 'T2'], ['round_table', 'RT2'], ['region', '002'], ['region', '150'],
      ['state', lead.a], ['state', ngo.id], ['imrf_summary', 'global'],
    ];
    for (const [kind, scope] of targets) {
      const { input } = slicer.slice(whole, { kind, scope, ...cycle, language: 'en' });
      const fromSlice = buildReport(kind, input);
      const fromWhole = buildReport(kind, { ...whole, scope: input.scope, snapshot: input.snapshot });
      expect({ kind, scope, json: renderJson(fromSlice).toString('utf8') }).toEqual({ kind, scope, json: renderJson(fromWhole).toString('utf8') });
    }
  });

  it('keys a version by the data its report can show: unrelated changes keep the hash, related ones change it', async () => {
    const loader = worker.get(ReportDatasetLoader);
    const cycleIds = [ids.cycles.get('2026-H1')!];
    const hashes = async () => {
      const data = await loader.load(cycleIds);
      const slicer = new DatasetSlicer();
      const of = (kind: ReportKind, scope: string) => slicer.slice(data, { kind, scope, cycleCodes: ['2026-H1'], cycleIds, language: 'en' }).hash;
      return { o8: of('objective', '8'), o3: of('objective', '3'), summary: of('imrf_summary', 'global') };
    };
    const before = await hashes();
    expect(await hashes()).toEqual(before);
    // The challenge text of a pledge on objective 3 only (p106) is shown by the objective 3 report and the summary, not by objective 8's.
    await t.dataSource.query(`UPDATE progress_update SET challenges = 'Funding was cut.' WHERE pledge_id = $1`, [ids.pledges.get('p106')]);
    const after = await hashes();
    expect(after.o8).toBe(before.o8);
    expect(after.o3).not.toBe(before.o3);
    expect(after.summary).not.toBe(before.summary);
  });
});
