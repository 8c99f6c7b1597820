import { RemindersScanHandler } from '@gcm/notifications';
import { QueueService } from '@gcm/platform';
import { ReportDatasetLoader } from '../../libs/reports/src/runs/dataset/report-dataset.loader';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues } from '../helpers/worker';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 13 item 5: a focal point asks for more time, the secretariat grants
 * (with a date) or declines; the extended date is the organisation's deadline
 * for late flags, reminders, "my work" and the reports ("included after
 * extension"); nothing is asked or decided on a closed cycle.
 */
describe('deadline extensions', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let nor: CreatedUser;
  let swe: CreatedUser;
  let expert: CreatedUser;
  const p: Record<string, { id: string; reference: string }> = {};
  let extensionId: string;
  const CYCLE = '2023-H2';

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    nor = await createUser(t, { role: 'focal_point', organisationAlpha3: 'NOR' });
    swe = await createUser(t, { role: 'focal_point', organisationAlpha3: 'SWE' });
    expert = await createUser(t, { role: 'expert' });
    for (const [key, who] of [['n1', nor], ['n2', nor], ['n3', nor], ['s1', swe], ['s2', swe]] as const)
      p[key] = await publishedPledge(t, who, sec, { title: `Pledge ${key} on labour mobility`, scope: { countries: [key.startsWith('n') ? 'NOR' : 'SWE'], regions: [] } });
    await openCycle(t, sec, { code: CYCLE, periodStart: '2023-07-01', periodEnd: '2023-12-31', windowOpens: '2024-01-01', deadline: day(-2) });
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await t?.close();
  });

  const as = (u: CreatedUser) => bearer(u.accessToken);
  async function submit(who: CreatedUser, pledgeId: string) {
    const u = await t.http.post(`/api/v1/pledges/${pledgeId}/updates`).set(as(who))
      .send({ cycle: CYCLE, status: 'on_track', percentComplete: 30, actionsTaken: 'Recruitment agencies licensed.' }).expect(201);
    return (await t.http.post(`/api/v1/updates/${u.body.id}/submit`).set(as(who)).send({}).expect(200)).body;
  }

  it('takes a request with a reason from a focal point; one live request per organisation; bad input is a 400', async () => {
    const short = await t.http.post(`/api/v1/cycles/${CYCLE}/extensions`).set(as(nor)).send({ reason: 'busy' }).expect(400);
    expect(short.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    const early = await t.http.post(`/api/v1/cycles/${CYCLE}/extensions`).set(as(nor)).send({ reason: 'Elections delayed the data collection', requestedDeadline: day(-3) }).expect(400);
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'requestedDeadline' })]);
    const made = await t.http.post(`/api/v1/cycles/${CYCLE}/extensions`).set(as(nor))
      .send({ reason: 'Elections delayed the data collection', requestedDeadline: day(14) }).expect(201);
    extensionId = made.body.id;
    expect(made.body).toMatchObject({ cycle: CYCLE, cycleDeadline: day(-2), status: 'requested', requestedDeadline: day(14), deadline: null, version: 1 });
    const twice = await t.http.post(`/api/v1/cycles/${CYCLE}/extensions`).set(as(nor)).send({ reason: 'Asking a second time, please' }).expect(409);
    expect(twice.body.details).toEqual({ extensionId });
    expect((await t.http.post(`/api/v1/cycles/${CYCLE}/extensions`).set(as(sec)).send({ reason: 'The secretariat cannot ask' })).status).toBe(403);
    expect((await t.http.get('/api/v1/extensions').set(as(expert))).status).toBe(403);
    expect((await t.http.get('/api/v1/extensions').set(as(swe)).expect(200)).body.total).toBe(0);
    expect((await t.http.get('/api/v1/extensions?status=requested').set(as(sec)).expect(200)).body.items.map((e: { id: string }) => e.id)).toEqual([extensionId]);
  });

  it('grants with a new date: what was submitted late is re-judged, later submissions are "included after extension", others stay late', async () => {
    const before = await submit(nor, p.n1.id);
    expect(before).toMatchObject({ isLate: true, afterExtension: false, cycleInfo: { deadline: day(-2), organisationDeadline: day(-2) } });
    expect((await t.http.post(`/api/v1/extensions/${extensionId}/grant`).set(as(sec)).send({ deadline: day(-2) }).expect(400)).body.details)
      .toEqual([expect.objectContaining({ field: 'deadline' })]);
    expect((await t.http.post(`/api/v1/extensions/${extensionId}/grant`).set(as(nor)).send({ deadline: day(10) })).status).toBe(403);
    const granted = await t.http.post(`/api/v1/extensions/${extensionId}/grant`).set(as(sec)).send({ deadline: day(10), comment: 'Granted for the elections', version: 1 }).expect(200);
    expect(granted.body).toMatchObject({ status: 'granted', deadline: day(10), decisionComment: 'Granted for the elections', version: 2 });
    const [audit] = await t.dataSource.query("SELECT actor_id AS actor, after FROM audit_log WHERE action = 'extension.grant'");
    expect(audit).toMatchObject({ actor: sec.user.id, after: { updatesRederived: 1 } });

    expect((await t.http.get(`/api/v1/updates/${before.id}`).set(as(nor)).expect(200)).body).toMatchObject({ isLate: false, afterExtension: true });
    expect(await submit(nor, p.n2.id)).toMatchObject({ isLate: false, afterExtension: true, cycleInfo: { deadline: day(-2), organisationDeadline: day(10) } });
    expect(await submit(swe, p.s1.id)).toMatchObject({ isLate: true, afterExtension: false, cycleInfo: { organisationDeadline: day(-2) } });
    const again = await t.http.post(`/api/v1/extensions/${extensionId}/grant`).set(as(sec)).send({ deadline: day(12) }).expect(409);
    expect(again.body).toMatchObject({ code: 'invalid_state', message: 'This extension was already granted' });
  });

  it('puts the extended date in "my work" and the reminders of that organisation only', async () => {
    const norWork = (await t.http.get('/api/v1/my/work').set(as(nor)).expect(200)).body;
    const sweWork = (await t.http.get('/api/v1/my/work').set(as(swe)).expect(200)).body;
    expect(norWork.openCycles.find((c: { code: string }) => c.code === CYCLE)).toMatchObject({ deadline: day(10), overdue: false });
    expect(sweWork.openCycles.find((c: { code: string }) => c.code === CYCLE)).toMatchObject({ deadline: day(-2), overdue: true });
    await t.app.get(RemindersScanHandler).handle();
    const norMail = (await t.http.get('/api/v1/notifications').set(as(nor)).expect(200)).body.items;
    const sweMail = (await t.http.get('/api/v1/notifications').set(as(swe)).expect(200)).body.items;
    expect(norMail.map((n: { step: string; subject: string }) => [n.step, n.subject])).toEqual([['t30', `Reminder: progress updates for ${CYCLE} are due by ${day(10)}`]]);
    expect(norMail[0].data.pledges.map((x: { reference: string }) => x.reference)).toEqual([p.n3.reference]);
    expect(sweMail.map((n: { step: string; subject: string }) => [n.step, n.subject])).toEqual([['overdue', `Overdue: progress updates for ${CYCLE} (deadline ${day(-2)})`]]);
  });

  it('gives the report data set the flag the builders print as "included after extension"', async () => {
    const [{ id }] = await t.dataSource.query('SELECT id FROM reporting_cycle WHERE code = $1', [CYCLE]);
    const data = await t.app.get(ReportDatasetLoader).load([id]);
    const flags = Object.fromEntries(data.updates.map((u) => [u.pledgeId, [u.late, u.afterExtension]]));
    expect(flags).toEqual({ [p.n1.id]: [false, true], [p.n2.id]: [false, true], [p.s1.id]: [true, false] });
  });

  it('declines with a reason (the organisation may ask again), and refuses requests and decisions once the cycle is closed (409)', async () => {
    const asked = await t.http.post(`/api/v1/cycles/${CYCLE}/extensions`).set(as(swe)).send({ reason: 'Our statistics office is on strike' }).expect(201);
    expect((await t.http.post(`/api/v1/extensions/${asked.body.id}/decline`).set(as(sec)).send({})).status).toBe(400);
    const declined = await t.http.post(`/api/v1/extensions/${asked.body.id}/decline`).set(as(sec)).send({ comment: 'The deadline was known for months' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', deadline: null, decisionComment: 'The deadline was known for months' });
    expect((await t.http.get('/api/v1/extensions').set(as(swe)).expect(200)).body.items).toEqual([expect.objectContaining({ status: 'declined' })]);
    const retry = await t.http.post(`/api/v1/cycles/${CYCLE}/extensions`).set(as(swe)).send({ reason: 'The strike ended; asking for one week' }).expect(201);

    const cycle = (await t.http.get(`/api/v1/cycles/${CYCLE}`).expect(200)).body;
    await t.http.post(`/api/v1/cycles/${CYCLE}/close`).set(as(sec)).send({ version: cycle.version }).expect(200);
    const closed = await t.http.post(`/api/v1/cycles/${CYCLE}/extensions`).set(as(nor)).send({ reason: 'One more week, please, after all' }).expect(409);
    expect(closed.body).toMatchObject({ code: 'invalid_state', details: { cycleStatus: 'closed' } });
    expect(closed.body.message).toBe(`Reporting cycle ${CYCLE} is closed: a deadline extension can be requested only while the cycle is open`);
    const late = await t.http.post(`/api/v1/extensions/${retry.body.id}/grant`).set(as(sec)).send({ deadline: day(5) }).expect(409);
    expect(late.body.message).toMatch(/is closed: a deadline extension can be decided only while the cycle is open/);
    expect((await t.http.get(`/api/v1/extensions?status=requested`).set(as(sec)).expect(200)).body.items).toEqual([expect.objectContaining({ id: retry.body.id })]);
  });
});
