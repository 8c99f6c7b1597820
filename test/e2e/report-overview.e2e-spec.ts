import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { Block, FootnotesBlock, ProseBlock, ReportDocument, TableBlock } from '@gcm/reports';
import { overviewDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { pdfToText } from '../../libs/reports/src/testing/pdf-text';
import { createUser, CreatedUser } from '../helpers/auth';
import { compileReport, downloadReport } from '../helpers/reports';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

const blocks = (doc: ReportDocument): Block[] => doc.sections.flatMap((s) => s.blocks);
const proseText = (b: ProseBlock) => b.runs.map((r) => r.text).join('');

/**
 * The RT2 background note compiled by a real run (PostgreSQL loader, worker,
 * renderers, stored files): the overview of progress names the States that
 * reported on objective 8 with links and citations, quotes the expert report
 * filed on it, shows each practice once, in the HTML and in the PDF text.
 */
describe('RT2 overview of progress, from the database to HTML and PDF', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  let versionId: string;
  let doc: ReportDocument;
  const download = (format: string) => downloadReport(t, sec.accessToken, versionId, format);

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0' } });
    sec = await createUser(t, { role: 'secretariat' });
    const expert = await createUser(t, { role: 'expert' });
    await seedReportDataset(t.dataSource, overviewDataset(), { expertAuthorId: expert.user.id });
    worker = await startWorker();
    versionId = await compileReport(t, sec.accessToken, { kind: 'round_table', scope: 'RT2', cycle: '2026-H1' });
    doc = JSON.parse((await download('json')).toString('utf8'));
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('names as many States as the reporting-States table counts, each cited by its validated updates', async () => {
    const table = blocks(doc).find((b): b is TableBlock => b.type === 'table' && b.id === 'reporting-states-8')!;
    expect(table.rows).toHaveLength(6);
    const states = blocks(doc).filter((b): b is ProseBlock => b.type === 'prose').find((b) => proseText(b).startsWith('6 States reported on Objective 8 in 2026-H1: '))!;
    const named = states.runs.filter((r) => r.href !== null);
    expect(named.map((r) => r.text)).toEqual(table.rows.map((r) => r.state));
    const notes = blocks(doc).find((b): b is FootnotesBlock => b.type === 'footnotes')!;
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM progress_update u JOIN pledge p ON p.id = u.pledge_id
        WHERE u.id = ANY($1::uuid[]) AND u.editorial_status = 'validated'`, [notes.items.filter((f) => f.source === 'update').map((f) => f.recordId)]);
    expect(n).toBe(notes.items.filter((f) => f.source === 'update').length);

    const html = (await download('html')).toString('utf8');
    for (const r of named) expect(html).toContain(`<a href="${r.href!.replace(/&/g, '&amp;')}">${r.text}</a><sup class="cite">`);
    for (const f of notes.items) expect(html).toContain(`<li id="fn-${f.number}" value="${f.number}">`);
    expect(html).toContain('Rescue NGOs face prosecution in several States.');
  });

  it('quotes the expert report and shows each practice once; the PDF text carries the same prose and footnotes', async () => {
    const notes = blocks(doc).find((b): b is FootnotesBlock => b.type === 'footnotes')!;
    const expert = notes.items.find((f) => f.source === 'expert_report' && f.title === 'Deaths at sea and the criminalisation of rescue')!;
    expect(expert.quote).toMatch(/^Rescue NGOs face prosecution in several States\./);
    const practices = blocks(doc).flatMap((b) => (b.type === 'table' && b.id.startsWith('practices-') ? b.rows.map((r) => r.code) : []));
    expect(new Set(practices).size).toBe(practices.length);

    const text = pdfToText(await download('pdf'), false).replace(/\s+/g, ' ');
    expect(text).toContain('2. Overview of progress');
    expect(text).toContain('6 States reported on Objective 8 in 2026-H1:');
    expect(text).toContain(`[${expert.number}] Expert challenge report ${expert.reference}`);
    expect(text).toContain('Sources cited');
  });
});
