import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { openCycle, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * Issue 13 item 4: alternates see the same work; with an in-country approver a
 * focal point's submission waits for the approver (not counted, not in the
 * secretariat's queue) and reaches the secretariat once approved; anyone else
 * approving gets 403 with the reason; a handover moves the pledges and
 * deactivates the departing account.
 */
describe('a team per organisation: alternates, approver, handover', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let focal: CreatedUser;
  let alternate: CreatedUser;
  let approver: CreatedUser;
  let org: string;
  let pledge: { id: string; reference: string };
  let updateId: string;

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'GHA' });
    alternate = await createUser(t, { role: 'focal_point', organisationAlpha3: 'GHA' });
    approver = await createUser(t, { role: 'focal_point', organisationAlpha3: 'GHA' });
    org = await stateOrganisationId(t, 'GHA');
    pledge = await publishedPledge(t, focal, sec, { scope: { countries: ['GHA'], regions: [] } });
    await openCycle(t, sec, { code: '2024-H1', periodStart: '2024-01-01', periodEnd: '2024-06-30', deadline: '2099-12-31' });
  });
  afterAll(() => t?.close());
  const as = (u: CreatedUser) => bearer(u.accessToken);
  const counted = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM cycle_counted_update'))[0].n;

  it('alternates see and edit the same work; the secretariat names an approver among the focal points', async () => {
    const u = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(as(focal)).send({ cycle: '2024-H1', status: 'on_track', percentComplete: 20 }).expect(201);
    updateId = u.body.id;
    await t.http.patch(`/api/v1/updates/${updateId}`).set(as(alternate)).send({ percentComplete: 25, version: 1 }).expect(200);
    expect((await t.http.put(`/api/v1/organisations/${org}/approver`).set(as(focal)).send({ userId: approver.user.id })).status).toBe(403);
    expect((await t.http.put(`/api/v1/organisations/${org}/approver`).set(as(sec)).send({ userId: sec.user.id }).expect(400)).body.details)
      .toEqual([expect.objectContaining({ field: 'userId' })]);
    const team = await t.http.put(`/api/v1/organisations/${org}/approver`).set(as(sec)).send({ userId: approver.user.id }).expect(200);
    const signedIn = await t.http.post('/api/v1/auth/sign-in').send({ email: approver.user.email, password: approver.password }).expect(200);
    expect(signedIn.body.user.isApprover).toBe(true);
    expect((await t.http.get('/api/v1/auth/me').set(as(alternate)).expect(200)).body.isApprover).toBe(false);
    expect(team.body.approverId).toBe(approver.user.id);
    expect(team.body.members.map((m: { id: string }) => m.id).sort()).toEqual([focal.user.id, alternate.user.id, approver.user.id].sort());
    expect((await t.http.get(`/api/v1/organisations/${org}/team`).set(as(alternate)).expect(200)).body.approverId).toBe(approver.user.id);
  });

  it('a submission waits for the approver: not counted, not in the secretariat queue; others get 403 with the reason; approval submits it', async () => {
    const sent = await t.http.post(`/api/v1/updates/${updateId}/submit`).set(as(focal)).send({}).expect(200);
    expect(sent.body).toMatchObject({ editorialStatus: 'awaiting_approval', submittedAt: null });
    expect(await counted()).toBe(0);
    expect((await t.http.get('/api/v1/review/updates').set(as(sec)).expect(200)).body.total).toBe(0);
    const mine = await t.http.get('/api/v1/my/work').set(as(focal)).expect(200);
    expect(mine.body.due[0]).toMatchObject({ state: 'awaiting_approval' });
    for (const who of [focal, sec]) {
      const refused = await t.http.post(`/api/v1/updates/${updateId}/approve`).set(as(who)).send({}).expect(403);
      expect(refused.body).toMatchObject({ code: 'forbidden', details: { reason: 'not_the_approver' } });
      expect(refused.body.message).toMatch(/Only the in-country approver of .* can approve/);
    }
    expect((await t.http.get('/api/v1/approvals').set(as(alternate)).expect(403)).body.details.reason).toBe('not_the_approver');
    const queue = await t.http.get('/api/v1/approvals').set(as(approver)).expect(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toEqual([updateId]);
    const approved = await t.http.post(`/api/v1/updates/${updateId}/approve`).set(as(approver)).send({}).expect(200);
    expect(approved.body).toMatchObject({ editorialStatus: 'submitted', isLate: false });
    expect(await counted()).toBe(1);
    expect((await t.http.get('/api/v1/review/updates').set(as(sec)).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([updateId]);
    const again = await t.http.post(`/api/v1/updates/${updateId}/approve`).set(as(approver)).send({}).expect(409);
    expect(again.body.code).toBe('invalid_state');
    const audit = await t.dataSource.query(
      "SELECT action, actor_id AS actor FROM audit_log WHERE entity_id = $1 AND action LIKE 'progress_update.%' ORDER BY id", [updateId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['progress_update.create', 'progress_update.update', 'progress_update.submit_for_approval', 'progress_update.approve']);
    await t.http.post(`/api/v1/updates/${updateId}/validate`).set(as(sec)).send({}).expect(200);
  });

  it('hands a departing focal point\'s pledges to another: history audited, the account deactivated and its sessions ended', async () => {
    expect((await t.http.post(`/api/v1/organisations/${org}/handover`).set(as(alternate)).send({ fromUserId: focal.user.id, toUserId: alternate.user.id }).expect(403)).body.details.reason)
      .toBe('not_the_approver');
    expect((await t.http.get(`/api/v1/organisations/${org}/handover`).query({ fromUserId: focal.user.id }).set(as(alternate)).expect(403)).body.details.reason)
      .toBe('not_the_approver');
    expect((await t.http.get(`/api/v1/organisations/${org}/handover`).query({ fromUserId: 'nobody' }).set(as(approver)).expect(400)).body.details)
      .toEqual([expect.objectContaining({ field: 'fromUserId' })]);
    const preview = await t.http.get(`/api/v1/organisations/${org}/handover`).query({ fromUserId: focal.user.id }).set(as(approver)).expect(200);
    expect(preview.body).toEqual({ fromUserId: focal.user.id, pledges: [{ id: pledge.id, reference: pledge.reference, title: expect.any(String) }] });
    const done = await t.http.post(`/api/v1/organisations/${org}/handover`).set(as(approver)).send({ fromUserId: focal.user.id, toUserId: alternate.user.id }).expect(200);
    expect(done.body.team.handovers).toEqual([expect.objectContaining({
      fromUserId: focal.user.id, toUserId: alternate.user.id, fromName: focal.user.name, toName: alternate.user.name, byName: approver.user.name, pledges: [pledge.reference],
    })]);
    expect(done.body).toMatchObject({ pledges: [pledge.reference], approverCleared: false });
    expect(done.body.sessionsRevoked).toBeGreaterThanOrEqual(1);
    expect(done.body.team.members.find((m: { id: string }) => m.id === alternate.user.id)).toMatchObject({ pledges: 1 });
    expect(done.body.team.members.find((m: { id: string }) => m.id === focal.user.id)).toMatchObject({ active: false, pledges: 0 });
    expect((await t.http.get('/api/v1/my/work').set(as(focal))).status).toBe(401);
    const [h] = await t.dataSource.query("SELECT before, after FROM audit_log WHERE action = 'pledge.handover' AND entity_id = $1", [pledge.id]);
    expect(h).toEqual({ before: { responsibleUserId: focal.user.id }, after: { responsibleUserId: alternate.user.id } });
    expect((await t.http.post(`/api/v1/organisations/${org}/handover`).set(as(approver)).send({ fromUserId: approver.user.id, toUserId: alternate.user.id }).expect(409)).body.code)
      .toBe('invalid_state');
  });
});
