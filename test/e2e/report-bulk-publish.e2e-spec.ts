import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

/** POST /api/v1/reports/versions/publish: several versions in one action, all or none, each audited, secretariat only. */
describe('bulk publish of report versions', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let cycleId: string;
  const publish = (ids: unknown, user: CreatedUser | null = sec) => {
    const req = t.http.post('/api/v1/reports/versions/publish');
    return (user ? req.set(bearer(user.accessToken)) : req).send({ ids });
  };

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    await openCycle(t, sec, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    [{ id: cycleId }] = await t.dataSource.query(`SELECT id FROM reporting_cycle WHERE code = '2026-H1'`);
  });
  afterAll(() => t?.close());

  let seq = 0;
  /** A rendered version as the worker leaves it: `formats` of the five files stored. */
  async function version(title: string, formats = 5): Promise<string> {
    seq += 1;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO report_version (kind, scope, cycle_key, cycle_id, cycle_ids, snapshot_hash, number, title, model)
       VALUES ('objective', $3, '2026-H1', $1, ARRAY[$1]::uuid[], repeat('a', 64), 1, $2, '{}') RETURNING id`,
      [cycleId, title, String(seq)],
    );
    const all = [['json', 'application/json'], ['html', 'text/html'], ['pdf', 'application/pdf'], ['csv', 'text/csv'], ['xlsx', 'application/vnd.ms-excel']];
    for (const [format, type] of all.slice(0, formats)) {
      await t.dataSource.query(
        `INSERT INTO report_file (version_id, format, content_type, sha256, size, bytes) VALUES ($1, $2, $3, repeat('b', 64), 5, 'bytes')`, [id, format, type]);
    }
    return id as string;
  }
  const publishedIds = async () =>
    (await t.dataSource.query('SELECT id FROM report_version WHERE published_at IS NOT NULL ORDER BY id')).map((r: { id: string }) => r.id);

  it('keeps bulk publishing to the secretariat: 401 signed out, 403 for focal points and experts, nothing published', async () => {
    const id = await version('Objective report 1');
    const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    const expert = await createUser(t, { role: 'expert' });
    expect((await publish([id], null)).status).toBe(401);
    expect((await publish([id], focal)).status).toBe(403);
    expect((await publish([id], expert)).status).toBe(403);
    expect(await publishedIds()).toEqual([]);
  });

  it('refuses a malformed selection with field errors', async () => {
    for (const ids of [[], ['not-a-uuid'], 'x', Array(201).fill('6f1c1f3e-9a43-4a43-9c55-000000000000')]) {
      const res = await publish(ids);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['ids']);
    }
    const id = await version('Objective report duplicate');
    expect((await publish([id, id])).status).toBe(400);
  });

  it('publishes every selected version in one action, with one audit row per version', async () => {
    await t.dataSource.query('UPDATE report_version SET published_at = now() WHERE published_at IS NULL'); // earlier tests' leftovers
    const ids = [await version('Objective report A'), await version('Objective report B'), await version('Objective report C')];
    const auditBefore = (await t.dataSource.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'report.published'`))[0].n;
    const res = await publish(ids);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((v: { title: string }) => v.title)).toEqual(['Objective report A', 'Objective report B', 'Objective report C']);
    expect(res.body.items.every((v: { publishedAt: string | null }) => v.publishedAt)).toBe(true);
    const audit = await t.dataSource.query(
      `SELECT entity_id, actor_id FROM audit_log WHERE action = 'report.published' ORDER BY id OFFSET $1`, [auditBefore]);
    expect(audit.map((a: { entity_id: string }) => a.entity_id).sort()).toEqual([...ids].sort());
    expect(audit.every((a: { actor_id: string }) => a.actor_id === sec.user.id)).toBe(true);
    const list = await t.http.get('/api/v1/reports').expect(200);
    for (const id of ids) expect(list.body.items.map((v: { id: string }) => v.id)).toContain(id);
  });

  it('publishes none when one of the selection cannot be, and says which and why', async () => {
    const before = await publishedIds();
    const good = await version('Objective report D');
    const partial = await version('Objective report E (rendering)', 3);
    const already = before[0];
    const missing = '6f1c1f3e-9a43-4a43-9c55-0123456789ab';
    const res = await publish([good, partial, already, missing]);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('3 of 4 versions cannot be published; none was');
    expect(res.body.details.refused).toEqual([
      { id: partial, reason: 'This report version has 3 of 5 formats; wait for its run to complete' },
      { id: already, reason: 'This report version is already published' },
      { id: missing, reason: 'not found' },
    ]);
    expect(await publishedIds()).toEqual(before);
    expect((await publish([good])).status).toBe(200);
  });
});
