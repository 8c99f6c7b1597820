import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import { ReportDataset, ReportDatasetLoader } from '@gcm/reports';
import { DatasetIndex } from '../../libs/reports/src/builders/dataset-index';
import { at10, halfYearCycle, pledge, stateOrganisation, update } from '../../libs/reports/src/testing/factories';
import { bearer, createUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

const C0 = halfYearCycle(2025, 2); // compiled, closed 2026-02-14T18:00Z
const C1 = halfYearCycle(2026, 1); // closed 2026-08-14T18:00Z
const C2 = { ...halfYearCycle(2026, 2), closedAt: null }; // open (then reopened, below)
const fra = stateOrganisation('FRA', 'France');
const ken = stateOrganisation('KEN', 'Kenya');

/** Pledges on both sides of every edge of the rule: period start, period end, submission window, close. */
const P = {
  always: pledge('p1', fra.id, [1]),
  window: pledge('p2', fra.id, [2], { publishedAt: at10('2026-07-15') }),
  atClose: pledge('p3', ken.id, [3], { publishedAt: '2026-08-14T18:00:00.000Z' }),
  afterClose: pledge('p4', ken.id, [4], { publishedAt: '2026-08-14T18:00:00.001Z' }),
  goneBefore: pledge('p5', ken.id, [5], { withdrawnAt: '2025-12-31T23:59:59.999Z', withdrawalReason: 'Merged' }),
  goneAtStart: pledge('p6', fra.id, [6], { withdrawnAt: '2026-01-01T00:00:00.000Z', withdrawalReason: 'Merged' }),
  goneDuring: pledge('p7', ken.id, [7], { withdrawnAt: at10('2026-05-01'), withdrawalReason: 'Merged' }),
  late: pledge('p8', fra.id, [8], { publishedAt: at10('2026-09-01') }),
  goneNow: pledge('p10', fra.id, [10], { withdrawnAt: at10('2026-08-01'), withdrawalReason: 'Merged' }),
  shortLived: pledge('p9', ken.id, [9], { publishedAt: at10('2025-02-01'), withdrawnAt: at10('2025-06-01'), withdrawalReason: 'Merged' }),
};

const data: ReportDataset = {
  snapshot: { id: 'population', takenAt: new Date().toISOString(), frameworkVersion: 1 },
  catalogue: { objectives: [], themes: [], recommendations: [], roundTables: [], countries: [], principles: [] },
  cycles: [C0, C1, C2],
  organisations: [fra, ken],
  pledges: Object.values(P),
  updates: [
    update(P.always, C1, { lifecycle: 'submitted' }),
    update(P.always, C0, { status: 'delayed' }),
    update(P.window, C1, { status: 'achieved' }),
    update(P.atClose, C1, { lifecycle: 'returned' }),
    update(P.afterClose, C1, { status: 'discontinued' }), // not in C1's population: must not count, although validated
    update(P.goneBefore, C1, { lifecycle: 'submitted' }), // idem
    update(P.goneBefore, C0),
    update(P.goneDuring, C1),
    update(P.late, C2, { lifecycle: 'draft' }),
    update(P.window, C2, { lifecycle: 'submitted' }),
  ],
  expertReports: [],
  practices: [],
};

/**
 * The report builders' in-memory copy of the cycle population
 * (DatasetIndex.isExpected / countedUpdate) against the database's one
 * definition (cycle_pledge_population, cycle_counted_update, and the
 * dashboards' pledge_owes_update on the stats_pledge read model), on the same
 * rows as the loader reads them.
 */
describe('one cycle population: the builders\' index agrees with the SQL', () => {
  let t: TestApp;
  let worker: INestApplication;
  let index: DatasetIndex;
  let cycleIds: Map<string, string>;
  let ref: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const ids = await seedReportDataset(t.dataSource, data, { cycleStatus: { '2025-H2': 'compiled', '2026-H1': 'closed', '2026-H2': 'open' } });
    // Reopened after a first close: its population runs up to now again.
    await t.dataSource.query(`UPDATE reporting_cycle SET closed_at = '2026-09-30T12:00:00Z' WHERE code = '2026-H2'`);
    cycleIds = ids.cycles;
    ref = new Map([...ids.pledges].map(([fixture, db]) => [db, fixture]));
    worker = await startWorker();
    const loaded = await worker.get(ReportDatasetLoader).load([...ids.cycles.values()]);
    index = new DatasetIndex({ ...loaded, snapshot: { id: 'x', takenAt: loaded.takenAt, frameworkVersion: 1 } });
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  const sqlPairs = async (sql: string) =>
    ((await t.dataSource.query(sql)) as { code: string; pledge: string }[]).map((r) => `${r.code} ${ref.get(r.pledge)}`).sort();
  const indexPairs = () =>
    index.cycles.flatMap((c) => index.data.pledges.filter((p) => index.isExpected(p, c)).map((p) => `${c.code} ${ref.get(p.id)}`)).sort();

  it('owes the same pledges in every cycle, edges included', async () => {
    const sql = await sqlPairs(`SELECT c.code, x.pledge_id AS pledge FROM reporting_cycle c CROSS JOIN LATERAL cycle_pledge_population(c.id) x`);
    expect(indexPairs()).toEqual(sql);
    // What the rule says, spelled out once.
    expect(sql).toEqual([
      '2025-H2 p1', '2025-H2 p10', '2025-H2 p5', '2025-H2 p6', '2025-H2 p7',
      '2026-H1 p1', '2026-H1 p10', '2026-H1 p2', '2026-H1 p3', '2026-H1 p6', '2026-H1 p7',
      '2026-H2 p1', '2026-H2 p10', '2026-H2 p2', '2026-H2 p3', '2026-H2 p4', '2026-H2 p8',
    ]);
  });

  it('the dashboards\' read model gives the same populations', async () => {
    const read = await sqlPairs(`SELECT c.code, p.pledge_id AS pledge FROM reporting_cycle c
      JOIN stats_pledge p ON pledge_owes_update(p.first_published_at, p.withdrawn_at, c.status, c.period_start, c.closed_at)`);
    expect(read).toEqual(indexPairs());
  });

  it('counts the same updates as reported, and the same as validated', async () => {
    const rows: { code: string; pledge: string; validated: boolean }[] = await t.dataSource.query(
      `SELECT c.code, u.pledge_id AS pledge, u.validated FROM cycle_counted_update u JOIN reporting_cycle c ON c.id = u.cycle_id`);
    const sql = rows.map((r) => `${r.code} ${ref.get(r.pledge)} ${r.validated ? 'validated' : 'submitted'}`).sort();
    const mine = index.cycles.flatMap((c) => index.data.pledges.flatMap((p) => {
      const u = index.countedUpdate(p.id, c.code);
      if (!u) return [];
      return [`${c.code} ${ref.get(p.id)} ${index.validatedUpdate(p.id, c.code) ? 'validated' : 'submitted'}`];
    })).sort();
    expect(mine).toEqual(sql);
    expect(sql).toEqual([
      '2025-H2 p1 validated', '2025-H2 p5 validated',
      '2026-H1 p1 submitted', '2026-H1 p2 validated', '2026-H1 p7 validated',
      '2026-H2 p2 submitted',
    ]);
    expect(cycleIds.size).toBe(3);
  });

  it('gives each pledge of a population the same status as of the cycle (latest validated update, carried forward)', async () => {
    const sql = await t.dataSource.query(
      `SELECT c.code, x.pledge_id AS pledge, coalesce(v.status, 'no_update') AS status
         FROM reporting_cycle c CROSS JOIN LATERAL cycle_pledge_population(c.id) x
         LEFT JOIN stats_update v ON v.pledge_id = x.pledge_id AND v.editorial_status = 'validated'
          AND v.period_start <= c.period_start AND (v.valid_until IS NULL OR v.valid_until > c.period_start)`,
    );
    const of = (rows: { code: string; pledge: string; status: string }[]) => rows.map((r) => `${r.code} ${ref.get(r.pledge)} ${r.status}`).sort();
    const mine = index.cycles.flatMap((c) => index.data.pledges.filter((p) => index.isExpected(p, c))
      .map((p) => ({ code: c.code, pledge: p.id, status: index.reportedStatus(p.id, [c]) })));
    expect(of(mine)).toEqual(of(sql));
    expect(of(sql)).toEqual(expect.arrayContaining(['2026-H1 p1 delayed', '2026-H2 p2 achieved', '2026-H2 p4 discontinued', '2026-H2 p8 no_update']));
  });

  it('lets a focal point report on a pledge withdrawn during the open cycle, not on one withdrawn before it began', async () => {
    const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    const db = (p: { id: string }) => [...ref].find(([, fixture]) => fixture === p.id)![0];
    const post = (p: { id: string }) => t.http.post(`/api/v1/pledges/${db(p)}/updates`).set(bearer(focal.accessToken))
      .send({ cycle: '2026-H2', status: 'on_track', percentComplete: 10, actionsTaken: 'Final report before the merger.' });
    expect((await post(P.goneNow)).status).toBe(201);
    const refused = await post(P.goneAtStart);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('withdrawn before the cycle began');
  });
});
