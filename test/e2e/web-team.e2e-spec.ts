/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { bearer, createUser, type CreatedUser, stateOrganisationId } from '../helpers/auth';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { openCycle, publishedPledge } from '../helpers/pledges';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Issue 13 item 4 in the browser: a focal point submits, the organisation's
 * in-country approver finds it through the workspace navigation and approves
 * it, the secretariat then sees it in its queue; the approver hands a
 * departing focal point's pledges to another through the team page. Each
 * screen in English and Arabic at 390 px and 1366 px, with no serious axe
 * violation.
 */
describe('team, approvals and handover in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let sec: CreatedUser;
  let focal: CreatedUser;
  let alternate: CreatedUser;
  let approver: CreatedUser;
  let org: string;
  let pledges: { id: string; reference: string }[];
  let updateId: string;

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'SEN' });
    alternate = await createUser(t, { role: 'focal_point', organisationAlpha3: 'SEN' });
    approver = await createUser(t, { role: 'focal_point', organisationAlpha3: 'SEN' });
    org = await stateOrganisationId(t, 'SEN');
    pledges = [];
    for (let i = 0; i < 2; i++) pledges.push(await publishedPledge(t, focal, sec, { scope: { countries: ['SEN'], regions: [] } }));
    await openCycle(t, sec, { code: '2024-H1', periodStart: '2024-01-01', periodEnd: '2024-06-30', deadline: '2099-12-31' });
    await t.http.put(`/api/v1/organisations/${org}/approver`).set(bearer(sec.accessToken)).send({ userId: approver.user.id }).expect(200);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = async (who: CreatedUser, name: string, viewport = LAPTOP): Promise<Person> => {
    const p = await person(browser, `team-${name}`, viewport);
    p.page.setDefaultTimeout(60_000);
    await signIn(p.page, base, who.user.email, who.password);
    return p;
  };
  const audited = async (p: Person, path: string, heading: string | RegExp, name: string) => {
    for (const viewport of [PHONE, LAPTOP]) {
      await p.page.setViewportSize(viewport);
      await p.page.goto(`${base}${path}`);
      await p.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await settled(p.page);
      const { overflow, violations } = await auditPage(p.page);
      expect({ path, width: viewport.width, overflow, violations }).toEqual({ path, width: viewport.width, overflow: 0, violations: [] });
      await p.shot(`${name}-${viewport.width}`);
    }
  };

  it('a focal point submits; the approver finds it in the navigation and approves it; the secretariat then sees it', async () => {
    const created = await t.http.post(`/api/v1/pledges/${pledges[0].id}/updates`).set(bearer(focal.accessToken))
      .send({ cycle: '2024-H1', status: 'achieved', percentComplete: 90 }).expect(201);
    updateId = created.body.id;
    const sent = await t.http.post(`/api/v1/updates/${updateId}/submit`).set(bearer(focal.accessToken)).send({}).expect(200);
    expect(sent.body.editorialStatus).toBe('awaiting_approval');

    // Only the approver has the Approvals section.
    const plain = await signedIn(alternate, 'alternate');
    await plain.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Team' }).waitFor();
    expect(await plain.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Approvals' }).count()).toBe(0);
    await plain.close();

    const me = await signedIn(approver, 'approver');
    await me.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Approvals' }).click();
    await me.page.getByRole('heading', { level: 1, name: 'Submissions awaiting your approval' }).waitFor();
    await me.page.getByText('1 update waits').waitFor();
    await me.page.getByRole('link', { name: new RegExp(pledges[0].reference) }).click();
    await me.page.getByRole('heading', { level: 1, name: 'Approve the 2024-H1 update' }).waitFor();
    await me.page.getByRole('button', { name: 'Approve and send to the secretariat' }).click();
    await me.page.getByText('Approved: the update is now with the secretariat.').waitFor();
    const [row] = await t.dataSource.query('SELECT editorial_status AS state FROM progress_update WHERE id = $1', [updateId]);
    expect(row.state).toBe('submitted');
    await me.page.goto(`${base}/workspace/approvals`);
    await me.page.getByText('Nothing is waiting for your approval.').waitFor();
    expect(me.errors).toEqual([]);
    await me.close();

    const secretariat = await signedIn(sec, 'secretariat');
    await secretariat.page.goto(`${base}/workspace/review`);
    await secretariat.page.getByText(pledges[0].reference).first().waitFor();
    await secretariat.close();
  });

  it('returns a stale decision as a conflict the approver can read', async () => {
    const created = await t.http.post(`/api/v1/pledges/${pledges[1].id}/updates`).set(bearer(focal.accessToken))
      .send({ cycle: '2024-H1', status: 'on_track', percentComplete: 30 }).expect(201);
    await t.http.post(`/api/v1/updates/${created.body.id}/submit`).set(bearer(focal.accessToken)).send({}).expect(200);
    const me = await signedIn(approver, 'approver-conflict');
    await me.page.goto(`${base}/workspace/approvals/${created.body.id}`);
    await me.page.getByRole('heading', { level: 1, name: 'Approve the 2024-H1 update' }).waitFor();
    // Meanwhile the approver approves it from another window.
    const [{ version }] = await t.dataSource.query('SELECT version FROM progress_update WHERE id = $1', [created.body.id]);
    await t.http.post(`/api/v1/updates/${created.body.id}/approve`).set(bearer(approver.accessToken)).send({ version }).expect(200);
    await me.page.getByRole('button', { name: 'Approve and send to the secretariat' }).click();
    await me.page.getByRole('alert').filter({ hasText: /changed by someone else|cannot|already/i }).first().waitFor();
    await me.close();
  });

  it('hands a departing focal point\'s pledges over through the team page: preview, confirm, history; the account deactivated', async () => {
    const me = await signedIn(approver, 'handover');
    await me.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Team' }).click();
    await me.page.getByRole('heading', { level: 1, name: /^Team of / }).waitFor();
    await me.page.getByText('No handover yet.').waitFor();
    await me.page.getByLabel('Departing focal point', { exact: true }).selectOption({ value: focal.user.id });
    await me.page.getByLabel('Successor', { exact: true }).selectOption({ value: alternate.user.id });
    await me.page.getByRole('button', { name: 'Show the pledges that move' }).click();
    const preview = me.page.getByRole('heading', { name: `2 pledges move from ${focal.user.name} to ${alternate.user.name}` });
    await preview.waitFor();
    for (const p of pledges) await me.page.getByText(p.reference, { exact: false }).first().waitFor();
    await me.page.getByRole('button', { name: 'Confirm the handover' }).click();
    await me.page.getByText(`2 pledges handed over; ${focal.user.name}'s account is deactivated.`).waitFor();
    const history = me.page.getByRole('region', { name: 'Handover history' }).or(me.page.locator('section[aria-labelledby="team-history"]'));
    await history.getByText(pledges.map((p) => p.reference).sort().join(', ')).waitFor();
    const moved = await t.dataSource.query('SELECT responsible_user_id AS who FROM pledge WHERE id = ANY($1)', [pledges.map((p) => p.id)]);
    expect(moved.map((r: { who: string }) => r.who)).toEqual([alternate.user.id, alternate.user.id]);
    const [{ active }] = await t.dataSource.query('SELECT active FROM app_user WHERE id = $1', [focal.user.id]);
    expect(active).toBe(false);
    expect((await t.http.get('/api/v1/my/work').set(bearer(focal.accessToken))).status).toBe(401);
    expect(me.errors).toEqual([]);
    await me.close();
  });

  it('the team and approvals screens work at 390 px and 1366 px in English with no serious axe violation', async () => {
    const me = await signedIn(approver, 'audit');
    await audited(me, '/workspace/team', `Team of ${approver.user.organisation?.name}`, 'team-en');
    await audited(me, '/workspace/approvals', 'Submissions awaiting your approval', 'approvals-en');
    await me.close();
    const secretariat = await signedIn(sec, 'audit-sec');
    await audited(secretariat, `/workspace/organisations/${org}/team`, `Team of ${approver.user.organisation?.name}`, 'team-secretariat-en');
    await secretariat.close();
  }, 240_000);

  it('the same screens in right-to-left Arabic at both widths with no serious axe violation', async () => {
    const me = await signedIn(approver, 'audit-ar');
    await audited(me, '/ar/workspace/team', /^فريق /, 'team-ar');
    expect(await me.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await audited(me, '/ar/workspace/approvals', 'تقارير بانتظار اعتمادك', 'approvals-ar');
    await audited(me, `/ar/workspace/approvals/${updateId}`, /^اعتماد تحديث /, 'approval-ar');
    await me.close();
  }, 240_000);
});
