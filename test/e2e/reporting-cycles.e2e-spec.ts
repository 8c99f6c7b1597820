import { CycleEvents, CyclesService, CycleView } from '@gcm/reporting';
import type { EntityManager } from 'typeorm';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { count } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('reporting cycles', () => {
  let t: TestApp;
  let secretariat: CreatedUser;
  let focal: CreatedUser;
  const closed: { code: string; inTransaction: boolean }[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'MEX' });
    t.app.get(CycleEvents).onClosed({
      onCycleClosed: async (cycle: CycleView, m: EntityManager) => {
        const [row] = await m.query('SELECT status FROM reporting_cycle WHERE code = $1', [cycle.code]);
        closed.push({ code: cycle.code, inTransaction: row.status === 'closed' });
      },
    });
  });
  afterAll(() => t.close());
  const sec = () => bearer(secretariat.accessToken);

  it('generates the year’s two half-year cycles from configuration, idempotently', async () => {
    const first = await t.http.post('/api/v1/cycles/generate').set(sec()).send({ year: 2026 }).expect(200);
    expect(first.body).toMatchObject({ cadence: 'half-year', created: ['2026-H1', '2026-H2'], existing: [] });
    expect(first.body.cycles.map((c: CycleView) => [c.code, c.periodStart, c.periodEnd, c.windowOpens, c.deadline, c.status])).toEqual([
      ['2026-H1', '2026-01-01', '2026-06-30', '2026-07-01', '2026-08-14', 'scheduled'],
      ['2026-H2', '2026-07-01', '2026-12-31', '2027-01-01', '2027-02-14', 'scheduled'],
    ]);
    const again = await t.http.post('/api/v1/cycles/generate').set(sec()).send({ year: 2026 }).expect(200);
    expect(again.body).toMatchObject({ created: [], existing: ['2026-H1', '2026-H2'] });
    expect(await count(t, 'reporting_cycle')).toBe(2);
    const parallel = await Promise.all([2027, 2027, 2027].map((year) => t.http.post('/api/v1/cycles/generate').set(sec()).send({ year })));
    expect(parallel.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await count(t, 'reporting_cycle')).toBe(4);
    const pub = await t.http.get('/api/v1/cycles').expect(200);
    expect(pub.body.map((c: CycleView) => c.code)).toEqual(['2026-H1', '2026-H2', '2027-H1', '2027-H2']);
  });

  it('creates a cycle by hand with defaults from configuration, and refuses bad dates and duplicates', async () => {
    const res = await t.http.post('/api/v1/cycles').set(sec()).set('Idempotency-Key', 'cycle-2025').send({ code: '2025-H2', periodStart: '2025-07-01', periodEnd: '2025-12-31' }).expect(201);
    expect(res.body).toMatchObject({ code: '2025-H2', windowOpens: '2026-01-01', deadline: '2026-02-14', status: 'scheduled' });
    const retry = await t.http.post('/api/v1/cycles').set(sec()).set('Idempotency-Key', 'cycle-2025').send({ code: '2025-H2', periodStart: '2025-07-01', periodEnd: '2025-12-31' }).expect(201);
    expect(retry.body.id).toBe(res.body.id);
    const dup = await t.http.post('/api/v1/cycles').set(sec()).send({ code: '2025-H2', periodStart: '2025-07-01', periodEnd: '2025-12-31' }).expect(409);
    expect(dup.body.message).toBe('A reporting cycle 2025-H2 already exists');
    const bad = await t.http.post('/api/v1/cycles').set(sec()).send({ code: '2025-X', periodStart: '2025-07-01', periodEnd: '2025-06-01' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['periodEnd']);
    await t.http.post('/api/v1/cycles').set(sec()).send({ code: 'H1-2025', periodStart: '2025-01-01', periodEnd: '2025-06-30' }).expect(400);
    await t.http.post('/api/v1/cycles').set(sec()).send({ code: '2024-H1', periodStart: '2024-01-01', periodEnd: '2024-06-30', extra: 1 }).expect(400);
    expect(await count(t, 'reporting_cycle')).toBe(5);
  });

  it('opens and closes a cycle; closing calls onCycleClosed listeners inside the closing transaction', async () => {
    const opened = await t.http.post('/api/v1/cycles/2026-H1/open').set(sec()).send({}).expect(200);
    expect(opened.body).toMatchObject({ status: 'open', version: 2 });
    expect(opened.body.openedAt).toBeTruthy();
    await t.http.post('/api/v1/cycles/2026-H1/open').set(sec()).send({}).expect(409);
    await t.http.post('/api/v1/cycles/2026-H2/close').set(sec()).send({}).expect(409);
    await t.http.post('/api/v1/cycles/2026-H1/close').set(sec()).set('If-Match', '"1"').send({}).expect(409);
    expect(closed).toEqual([]);
    const done = await t.http.post('/api/v1/cycles/2026-H1/close').set(sec()).set('If-Match', '"2"').send({}).expect(200);
    expect(done.body).toMatchObject({ status: 'closed', version: 3 });
    expect(closed).toEqual([{ code: '2026-H1', inTransaction: true }]);
    expect((await t.http.get('/api/v1/cycles?status=closed').expect(200)).body.map((c: CycleView) => c.code)).toEqual(['2026-H1']);
    const audit = await t.dataSource.query("SELECT action FROM audit_log WHERE entity_type = 'reporting_cycle' AND entity_id = $1 ORDER BY id", [done.body.id]);
    // The reports lib's listener records the report flow it queued, in the same transaction.
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['cycle.create', 'cycle.open', 'cycle.close', 'report.flow_requested']);
    await t.http.get('/api/v1/cycles/2031-H1').expect(404);
  });

  it('compiles only a closed cycle (the reports lib calls markCompiled once its summary is built), audited', async () => {
    const cycles = t.app.get(CyclesService);
    const compile = (id: string, run: string) => t.dataSource.transaction((m) => cycles.markCompiled(id, m, { summaryRunId: run }));
    const scheduled = (await t.http.get('/api/v1/cycles/2026-H2').expect(200)).body as CycleView;
    expect(await compile(scheduled.id, 'r0')).toBeNull();
    // Reopened for a late correction while its flow ran: the summary's completion leaves it open.
    const reopened = await t.http.post('/api/v1/cycles/2026-H1/open').set(sec()).send({}).expect(200);
    expect(await compile(reopened.body.id, 'r1')).toBeNull();
    expect((await t.http.get('/api/v1/cycles/2026-H1').expect(200)).body).toMatchObject({ status: 'open', version: reopened.body.version });
    const closedAgain = await t.http.post('/api/v1/cycles/2026-H1/close').set(sec()).send({}).expect(200);
    const compiled = await compile(closedAgain.body.id, 'r2');
    expect(compiled).toMatchObject({ code: '2026-H1', status: 'compiled', version: closedAgain.body.version + 1 });
    expect(compiled!.compiledAt).toBeTruthy();
    // Compiled is final: a retried summary job changes nothing.
    expect(await compile(closedAgain.body.id, 'r3')).toBeNull();
    expect((await t.http.get('/api/v1/cycles/2026-H2').expect(200)).body).toMatchObject({ status: 'scheduled', version: scheduled.version });
    const audit = await t.dataSource.query("SELECT entity_id, before, after FROM audit_log WHERE action = 'cycle.compile' ORDER BY id");
    expect(audit).toEqual([{ entity_id: closedAgain.body.id, before: { status: 'closed' }, after: { status: 'compiled', summaryRunId: 'r2' } }]);
  });

  it('lets only the secretariat manage cycles', async () => {
    await t.http.post('/api/v1/cycles/generate').send({ year: 2028 }).expect(401);
    await t.http.post('/api/v1/cycles/generate').set(bearer(focal.accessToken)).send({ year: 2028 }).expect(403);
    await t.http.post('/api/v1/cycles/2026-H2/open').set(bearer(focal.accessToken)).send({}).expect(403);
    await t.http.post('/api/v1/cycles').set(bearer(focal.accessToken)).send({ code: '2024-H1', periodStart: '2024-01-01', periodEnd: '2024-06-30' }).expect(403);
    expect(await count(t, 'reporting_cycle')).toBe(5);
  });
});
