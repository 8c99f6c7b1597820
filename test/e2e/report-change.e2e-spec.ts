import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { KeyFiguresBlock, ListBlock, ReportDocument, TableBlock } from '@gcm/reports';
import { EARLIER, LATER, twoCyclesDataset } from '../../libs/reports/src/testing/two-cycles.fixture';
import { createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { compileReport, downloadReport } from '../helpers/reports';
import { obliterateQueues, startWorker } from '../helpers/worker';
import { seedReportDataset, SeededIds } from '../support/report-dataset.seeder';

const blocks = (doc: ReportDocument) => doc.sections.flatMap((s) => s.blocks);
const byId = <T>(doc: ReportDocument, id: string) => blocks(doc).find((b) => 'id' in b && b.id === id) as T;

/**
 * The two-cycle fixture of cycle-change.spec.ts written to PostgreSQL and
 * compiled by the report flow: the loader reads the previous cycle with the
 * same population rule, and the IMRF summary's comparison, early warning and
 * adoption equal the hand computation (see the spec for it, pledge by pledge).
 * The country page's adoption figures equal the State report's.
 */
describe('change since the last cycle, over a real report run', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  let ids: SeededIds;
  const data = twoCyclesDataset();
  const ref = (id: string) => data.pledges.find((p) => p.id === id)!.reference;

  const compiled = async (body: Record<string, unknown>): Promise<ReportDocument> =>
    JSON.parse((await downloadReport(t, sec.accessToken, await compileReport(t, sec.accessToken, body), 'json')).toString('utf8')) as ReportDocument;

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0' } });
    sec = await createUser(t, { role: 'secretariat' });
    ids = await seedReportDataset(t.dataSource, data);
    worker = await startWorker();
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('compiles the IMRF summary of 2026-H1 with 2025-H2 to compare with', async () => {
    const doc = await compiled({ kind: 'imrf_summary', cycle: LATER.code });
    expect(byId<KeyFiguresBlock>(doc, 'change-rates').items.map((f) => [f.key, f.value])).toEqual([
      ['reportingRateThen', 3 / 4], ['reportingRateNow', 3 / 4], ['pledgesReportedThen', 5 / 8], ['pledgesReportedNow', 6 / 9],
    ]);
    expect(byId<TableBlock>(doc, 'change-transitions').rows.map((r) => [r.reference, r.to])).toEqual([
      [ref('q01'), 'Achieved'], [ref('q08'), 'Achieved'], [ref('q02'), 'Delayed'], [ref('q07'), 'Discontinued'],
    ]);
    expect(byId<TableBlock>(doc, 'change-indicators').rows.map((r) => [r.reference, r.before, r.after, r.movement])).toEqual([
      [ref('q01'), 40, 70, 'towards target'], [ref('q02'), 60, 80, 'away from target'],
    ]);
    expect(byId<TableBlock>(doc, 'warning-no-update').rows.map((r) => r.reference)).toEqual([ref('q04'), ref('q05')]);
    expect(byId<TableBlock>(doc, 'warning-past-target').rows.map((r) => r.reference)).toEqual([ref('q06'), ref('q07')]);
    const [stateB] = await t.dataSource.query('SELECT name FROM organisation WHERE id = $1', [ids.organisations.get(data.organisations[1].id)]);
    const lists = doc.sections.find((s) => s.id === 'change')!.blocks.filter((b): b is ListBlock => b.type === 'list');
    expect(lists.map((l) => l.items)).toEqual([[stateB.name]]);
    expect(byId<KeyFiguresBlock>(doc, 'adoption-headline').items.map((f) => [f.key, f.value])).toEqual([
      ['allThemes', 2], ['majority', 2], ['adopted', 2], ['adoptedReported', 2],
    ]);
    expect(byId<TableBlock>(doc, 'adoption-trend').rows.map((r) => [r.cycle, r.adopted])).toEqual([[EARLIER.code, 1], [LATER.code, 2]]);
  });

  it('compiles a span as a trend by cycle, and the first cycle says there is nothing to compare', async () => {
    const first = await compiled({ kind: 'imrf_summary', cycle: EARLIER.code });
    const prose = first.sections.find((s) => s.id === 'change')!.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(prose[0]).toContain(`${EARLIER.code} is the first reporting cycle of the data`);
    const span = await compiled({ kind: 'imrf_summary', cycles: [EARLIER.code, LATER.code] });
    expect(byId<TableBlock>(span, 'change-trend').rows.map((r) => [r.cycle, r.reportingStates, r.pledgesOwing, r.newlyAchieved])).toEqual([
      [EARLIER.code, 3, 8, null], [LATER.code, 3, 9, 2],
    ]);
  });

  it("gives on the country page's API the adoption figures of the State report", async () => {
    const alpha3 = data.organisations[3].countryAlpha3!;
    const doc = await compiled({ kind: 'state', scope: alpha3, cycle: LATER.code });
    const report = byId<TableBlock>(doc, 'adoption').rows;
    const res = await t.http.get(`/api/v1/stats/countries/${alpha3}/adoption`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalThemes: 5, totalCommitments: 30 });
    const api = (res.body.cycles as { cycle: string; pledged: Record<string, unknown>; reported: Record<string, unknown> }[])
      .filter((c) => report.some((r) => r.cycle === c.cycle))
      .map((c) => ({
        cycle: c.cycle, themes: (c.pledged.themes as number[]).length, commitments: c.pledged.commitments, commitmentShare: c.pledged.commitmentShare,
        themesReported: (c.reported.themes as number[]).length, commitmentsReported: c.reported.commitments, goal: c.pledged.adopted,
      }));
    expect(api).toEqual(report.map(({ themesAddressed: _t, ...r }) => r));
    expect(api.map((c) => [c.cycle, c.goal])).toEqual([[EARLIER.code, false], [LATER.code, true]]);
    expect((await t.http.get('/api/v1/stats/countries/XXX/adoption')).status).toBe(404);
    expect((await t.http.get('/api/v1/stats/countries/FRANCE/adoption')).status).toBe(400);
  });
});
