import { StatsCache } from '@gcm/platform';
import { bearer } from '../helpers/auth';
import { buildDashboardFixture, DashboardFixture } from '../helpers/dashboard-fixture';
import { pledgeBody, publishedPledge } from '../helpers/pledges';
import { sql } from '../helpers/stats-cache';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Provenance {
  dataAsOf: string;
  snapshotId: string;
}

/** Every /api/v1/stats answer (a path per route). */
const STATS = [
  '/api/v1/stats/headline', '/api/v1/stats/pledges-by/objective', '/api/v1/stats/pledges-by/form', '/api/v1/stats/status',
  '/api/v1/stats/status?cycle=2025-H2', '/api/v1/stats/status-trend', '/api/v1/stats/coverage', '/api/v1/stats/gaps?threshold=2',
  '/api/v1/stats/map', '/api/v1/stats/objectives/8', '/api/v1/stats/countries/FRA', '/api/v1/stats/countries/FRA/adoption',
];
const FILES = ['pledges.csv', 'pledges.json', 'updates.csv', 'updates.json', 'practices.csv', 'practices.json'];

/**
 * Issue 16 item 7: every dashboard answer and open-data file names the
 * snapshot its figures come from (the count of public changes committed,
 * read in the same statement), and "data as of" its time.
 */
describe('dashboard and open-data provenance', () => {
  let t: TestApp;
  let f: DashboardFixture;

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
  });
  afterAll(() => t.close());

  /** The snapshot every stats answer, every open-data file and the data package name: all one, or the test fails. */
  async function everywhere(): Promise<Provenance> {
    const seen: Provenance[] = [];
    for (const path of STATS) {
      const res = await t.http.get(path).expect(200);
      seen.push((res.body as { provenance: Provenance }).provenance);
      // Served from the cache the second time: the same bytes, so the same snapshot with the same figures.
      const again = await t.http.get(path).expect(200);
      expect(again.text).toBe(res.text);
    }
    for (const file of FILES) {
      const get = t.http.get(`/api/v1/open-data/${file}`);
      const res = await (file.endsWith('.csv') ? get.buffer(true).parse((r, cb) => {
        let data = '';
        r.on('data', (c: Buffer) => (data += c.toString('utf8')));
        r.on('end', () => cb(null, data));
      }) : get).expect(200);
      seen.push({ snapshotId: res.headers['x-snapshot-id'], dataAsOf: res.headers['x-data-as-of'] });
      expect(res.headers.etag).toBe(`W/"${file}-${res.headers['x-snapshot-id']}"`);
      expect(res.headers.link).toContain('/api/v1/open-data/datapackage.json');
      // The JSON files stay an array of records (the existing open-data contract); CSV parsers see only the header and rows.
      if (file.endsWith('.json')) expect(Array.isArray(res.body)).toBe(true);
      else expect((res.body as string).split('\n')[0]).not.toContain('snapshot');
    }
    const pkg = (await t.http.get('/api/v1/open-data/datapackage.json').expect(200)).body as {
      provenance: Provenance; created: string; resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
    };
    seen.push(pkg.provenance);
    expect(pkg.created).toBe(pkg.provenance.dataAsOf);
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(FILES.map((n) => `/api/v1/open-data/${n}`).sort());
    for (const p of seen) {
      expect(p.snapshotId).toMatch(/^\d+$/);
      expect(new Date(p.dataAsOf).toISOString()).toBe(p.dataAsOf);
    }
    expect(new Set(seen.map((p) => p.snapshotId))).toEqual(new Set([seen[0].snapshotId]));
    expect(new Set(seen.map((p) => p.dataAsOf))).toEqual(new Set([seen[0].dataAsOf]));
    return seen[0];
  }

  const headline = async () => (await t.http.get('/api/v1/stats/headline').expect(200)).body as { pledges: number; achieved: number; provenance: Provenance };

  it('names one snapshot everywhere while nothing changes, and a later one after each publication, validation and cycle change', async () => {
    const start = await everywhere();
    const before = await headline();
    expect(before.provenance).toEqual(start);

    // A pledge published.
    await publishedPledge(t, f.fra, f.secretariat, pledgeBody({ title: 'A pledge published after the first snapshot', scope: null }));
    const published = await everywhere();
    expect(BigInt(published.snapshotId)).toBeGreaterThan(BigInt(start.snapshotId));
    expect(published.dataAsOf >= start.dataAsOf).toBe(true);
    expect((await headline()).pledges).toBe(before.pledges + 1);

    // An update validated (Kenya's submitted 2026-H1 update).
    const [{ id }] = await t.dataSource.query(
      `SELECT u.id FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id WHERE u.pledge_id = $1 AND c.code = '2026-H1'`, [f.b.id],
    );
    const validated = await t.http.post(`/api/v1/updates/${id}/validate`).set(bearer(f.secretariat.accessToken)).send({});
    expect(validated.status).toBe(200);
    const afterValidation = await everywhere();
    expect(BigInt(afterValidation.snapshotId)).toBeGreaterThan(BigInt(published.snapshotId));

    // The cycle closed (compilation moves the same row of reporting_cycle, through the same trigger).
    await t.http.post('/api/v1/cycles/2026-H1/close').set(bearer(f.secretariat.accessToken)).send({}).expect(200);
    const closed = await everywhere();
    expect(BigInt(closed.snapshotId)).toBeGreaterThan(BigInt(afterValidation.snapshotId));

    // A write the public cannot see (a draft) leaves the snapshot where it was.
    await t.http.post('/api/v1/pledges').set(bearer(f.fra.accessToken)).send(pledgeBody({ title: 'A private draft', scope: null })).expect(201);
    expect((await headline()).provenance).toEqual(closed);
  });

  it('a rolled-back public write leaves no snapshot behind', async () => {
    const before = (await headline()).provenance;
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`UPDATE organisation SET name = name || ' (renamed)' WHERE id = $1`, [f.ngoId]);
    await runner.rollbackTransaction();
    await runner.release();
    const [{ n }] = await t.dataSource.query('SELECT sum(weight)::text AS n FROM public_data_change');
    expect(n).toBe(before.snapshotId);
  });

  it('stays a few rows however many changes commit: older rows fold into one weighted row, the id counts every transaction', async () => {
    const before = (await headline()).provenance;
    // 300 transactions that each change public data, committed one by one (as 300 requests would).
    await sql(t.db.url, `DO $$ BEGIN
      FOR i IN 1..300 LOOP UPDATE organisation SET name = 'Renamed ' || i WHERE id = '${f.ngoId}'; COMMIT; END LOOP;
    END $$`);
    await t.app.get(StatsCache).settle();
    const after = (await headline()).provenance;
    expect(BigInt(after.snapshotId) - BigInt(before.snapshotId)).toBe(300n);
    expect(after.dataAsOf > before.dataAsOf).toBe(true);
    const [{ rows, weight }] = await t.dataSource.query('SELECT count(*)::int AS rows, sum(weight)::text AS weight FROM public_data_change');
    expect(weight).toBe(after.snapshotId);
    // Folded at least twice on the way (every 128th row), so far fewer rows than transactions.
    expect(rows).toBeLessThan(130);
    // The figures of that snapshot are those read again while nothing changes: the same id, the same bytes.
    const again = await t.http.get('/api/v1/stats/headline').expect(200);
    expect((again.body as { provenance: Provenance }).provenance).toEqual(after);
  });
});
