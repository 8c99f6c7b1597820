import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { RemindersScanHandler } from '@gcm/notifications';
import { QueueService } from '@gcm/platform';
import type { Browser } from 'playwright-core';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { freePort, launchBrowser, person } from '../helpers/browser-person';
import { count, openCycle, publishedPledge } from '../helpers/pledges';
import { startSmtpServer } from '../helpers/smtp';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The "no change" and "update" links of one pledge in a reminder e-mail (the lines under its reference). */
export function reminderLinks(text: string, reference: string, base: string): { noChange: string; update: string } {
  const at = text.indexOf(`- ${reference}`);
  if (at < 0) throw new Error(`no ${reference} in:\n${text}`);
  const block = text.slice(at, text.indexOf('\n- ', at + 2) > 0 ? text.indexOf('\n- ', at + 2) : undefined);
  const find = (path: string) => {
    const m = new RegExp(`${base.replace(/[.:/]/g, '\\$&')}${path}#token=[A-Za-z0-9_%-]+`).exec(block);
    if (!m) throw new Error(`no ${path} link for ${reference} in:\n${block}`);
    return m[0];
  };
  return { noChange: find('/reminder/no-change'), update: find('/reminder/update') };
}

const tokenOf = (url: string) => decodeURIComponent(new URL(url).hash.replace(/^#token=/, ''));

/**
 * Issue 13 item 3: the reminder e-mail is the reporting tool. A reminder
 * received by a real SMTP server carries, per pledge, a "no change" link that
 * confirms without a password and an "update" link that needs its recipient
 * signed in; each works once, and a replayed, expired, foreign, deactivated or
 * outdated link is refused with its reason and writes nothing.
 */
describe('reminder e-mail links', () => {
  let t: TestApp;
  let worker: INestApplication;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sec: CreatedUser;
  let focal: CreatedUser;
  let alternate: CreatedUser;
  const pledges: { id: string; reference: string; version: number }[] = [];
  let mine: string;
  let theirs: string;
  let BASE: string;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const port = await freePort();
    BASE = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: BASE } });
    await t.app.listen(port, '127.0.0.1');
    sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'PRT' });
    alternate = await createUser(t, { role: 'focal_point', organisationAlpha3: 'PRT' });
    for (const title of ['Legal pathways for seasonal workers', 'Consular help for migrants abroad', 'Data on migrant deaths', 'Return and reintegration'])
      pledges.push(await publishedPledge(t, focal, sec, { title, scope: { countries: ['PRT'], regions: [] } }));
    await openCycle(t, sec, { code: '2024-H1', periodStart: '2024-01-01', periodEnd: '2024-06-30', deadline: '2099-12-31' });
    for (const p of pledges) {
      const u = await t.http.post(`/api/v1/pledges/${p.id}/updates`).set(bearer(focal.accessToken))
        .send({ cycle: '2024-H1', status: 'on_track', percentComplete: 40, actionsTaken: 'Two offices opened.' }).expect(201);
      await t.http.post(`/api/v1/updates/${u.body.id}/submit`).set(bearer(focal.accessToken)).send({}).expect(200);
    }
    await openCycle(t, sec, { code: '2024-H2', periodStart: '2024-07-01', periodEnd: '2024-12-31', windowOpens: '2025-01-01', deadline: day(20) });
    worker = await startWorker();
    await worker.get(RemindersScanHandler).handle();
    await waitFor(async () => smtp.mails.length >= 2 || null, 'two reminder e-mails');
    mine = smtp.mails.find((m) => m.to.includes(focal.user.email))!.text;
    theirs = smtp.mails.find((m) => m.to.includes(alternate.user.email))!.text;
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  const post = (path: string, token: string) => t.http.post(`/api/v1/reminder-links/${path}`).send({ token });
  const writes = async () => [await count(t, 'progress_update'), await count(t, 'progress_update_version')];

  it('sends each focal point (alternates too) a reminder with two links per pledge; only the hashes are stored, never in the stored copy', async () => {
    for (const text of [mine, theirs]) for (const p of pledges) reminderLinks(text, p.reference, BASE);
    const links = reminderLinks(mine, pledges[0].reference, BASE);
    expect(links.noChange).not.toBe(reminderLinks(theirs, pledges[0].reference, BASE).noChange);
    const hash = createHash('sha256').update(tokenOf(links.noChange)).digest('hex');
    const [row] = await t.dataSource.query('SELECT action, user_id AS "userId", pledge_version AS v FROM reminder_link WHERE token_hash = $1', [hash]);
    expect(row).toEqual({ action: 'no_change', userId: focal.user.id, v: pledges[0].version });
    expect(await count(t, 'reminder_link')).toBe(16);
    const stored = await t.dataSource.query("SELECT count(*)::int AS n FROM notification WHERE body LIKE '%token=%'");
    expect(stored[0].n).toBe(0);
    const inApp = await t.http.get('/api/v1/notifications').set(bearer(focal.accessToken)).expect(200);
    expect(inApp.body.items[0].body).not.toContain('token=');
  });

  it('shows what "no change" will reconfirm, then confirms it without signing in; the replay is refused and writes nothing', async () => {
    const { noChange } = reminderLinks(mine, pledges[0].reference, BASE);
    const shown = await post('inspect', tokenOf(noChange)).expect(200);
    expect(shown.body).toMatchObject({
      action: 'no_change', recipient: focal.user.name, pledge: { id: pledges[0].id, reference: pledges[0].reference },
      cycle: { code: '2024-H2', deadline: day(20) }, existingUpdate: null,
      previous: { cycle: '2024-H1', status: 'on_track', percentComplete: 40, actionsTaken: 'Two offices opened.', measurements: [], evidence: 0 },
    });
    const done = await post('confirm', tokenOf(noChange)).expect(200);
    expect(done.body).toMatchObject({ action: 'no_change', pledgeId: pledges[0].id, cycle: '2024-H2', editorialStatus: 'submitted' });
    const update = await t.http.get(`/api/v1/updates/${done.body.updateId}`).set(bearer(focal.accessToken)).expect(200);
    expect(update.body).toMatchObject({ noChange: true, status: 'on_track', percentComplete: 40, isLate: false });
    const audit = await t.dataSource.query(
      `SELECT action, actor_id AS "actorId" FROM audit_log WHERE action IN ('reminder_link.use', 'progress_update.no_change') ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'progress_update.no_change', actorId: focal.user.id },
      { action: 'reminder_link.use', actorId: focal.user.id },
    ]);

    const before = await writes();
    const replay = await post('confirm', tokenOf(noChange)).expect(409);
    expect(replay.body).toMatchObject({ code: 'invalid_state', details: { reason: 'used' } });
    expect(replay.body.message).toMatch(/already been used/);
    expect((await post('inspect', tokenOf(noChange)).expect(409)).body.details.reason).toBe('used');
    expect(await writes()).toEqual(before);
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'reminder_link.refused'");
    expect(n).toBe(2);
  });

  it('opens the form only for its signed-in recipient, once', async () => {
    const { update } = reminderLinks(mine, pledges[1].reference, BASE);
    const token = tokenOf(update);
    expect((await post('inspect', token).expect(200)).body).toMatchObject({ action: 'update', existingUpdate: null });
    expect((await post('open', token).expect(401)).body.code).toBe('unauthenticated');
    const foreign = await t.http.post('/api/v1/reminder-links/open').set(bearer(alternate.accessToken)).send({ token }).expect(403);
    expect(foreign.body.details.reason).toBe('other_user');
    expect((await post('confirm', token).expect(409)).body.details.reason).toBe('wrong_link');
    const opened = await t.http.post('/api/v1/reminder-links/open').set(bearer(focal.accessToken)).send({ token }).expect(200);
    expect(opened.body).toEqual({ action: 'update', pledgeId: pledges[1].id, reference: pledges[1].reference, cycle: '2024-H2', updateId: null, editorialStatus: null });
    const again = await t.http.post('/api/v1/reminder-links/open').set(bearer(focal.accessToken)).send({ token }).expect(409);
    expect(again.body.details.reason).toBe('used');
  });

  it('refuses an expired link, one for a pledge already reported, and one whose pledge changed, writing nothing', async () => {
    const before = await writes();
    const expired = tokenOf(reminderLinks(mine, pledges[2].reference, BASE).noChange);
    await t.dataSource.query("UPDATE reminder_link SET expires_at = now() - interval '1 minute' WHERE token_hash = $1",
      [createHash('sha256').update(expired).digest('hex')]);
    const e = await post('confirm', expired).expect(409);
    expect(e.body.details.reason).toBe('expired');
    expect(e.body.message).toMatch(/expired on/);

    const reported = await post('confirm', tokenOf(reminderLinks(theirs, pledges[0].reference, BASE).noChange)).expect(409);
    expect(reported.body).toMatchObject({ details: { reason: 'already_reported' } });

    const edit = await t.http.patch(`/api/v1/pledges/${pledges[2].id}`).set(bearer(focal.accessToken)).set('If-Match', `"${pledges[2].version}"`)
      .send({ title: 'Data on migrant deaths and disappearances' });
    expect(edit.status).toBe(200);
    const changed = await post('confirm', tokenOf(reminderLinks(theirs, pledges[2].reference, BASE).noChange)).expect(409);
    expect(changed.body.details.reason).toBe('pledge_changed');
    expect(await writes()).toEqual(before);
  });

  it('in a browser: "update" asks the signed-out recipient to sign in and lands on the form; "no change" shows what it reconfirms, confirms in one click, and refuses the replay', async () => {
    browser = await launchBrowser();
    const who = await person(browser, 'reminder-links');
    await who.page.goto(reminderLinks(mine, pledges[3].reference, BASE).update);
    await who.page.getByRole('heading', { level: 1, name: 'Update this pledge' }).waitFor();
    await who.page.getByLabel('E-mail address').fill(focal.user.email);
    await who.page.getByLabel('Password', { exact: true }).fill(focal.password);
    await who.page.getByRole('button', { name: 'Sign in' }).click();
    await who.page.waitForURL(`${BASE}/workspace/pledges/${pledges[3].id}/updates/2024-H2`);
    await who.close();

    const stranger = await person(browser, 'reminder-links-no-change');
    const link = reminderLinks(theirs, pledges[3].reference, BASE).noChange;
    await stranger.page.goto(link);
    await stranger.page.getByRole('heading', { level: 1, name: 'Confirm: no change since last cycle' }).waitFor();
    const reconfirmed = stranger.page.getByRole('region', { name: 'What will be reconfirmed (your update for 2024-H1)' });
    await expect(reconfirmed.textContent()).resolves.toContain('Two offices opened.');
    await expect(reconfirmed.textContent()).resolves.toContain('40 %');
    await stranger.page.getByRole('button', { name: 'Confirm no change' }).click();
    await expect(stranger.page.getByRole('status').textContent()).resolves.toContain(`Confirmed. The update of ${pledges[3].reference} for 2024-H2 was submitted`);
    const [row] = await t.dataSource.query(
      "SELECT u.no_change AS nc, u.editorial_status AS s, u.submitted_by AS by FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id WHERE u.pledge_id = $1 AND c.code = '2024-H2'",
      [pledges[3].id],
    );
    expect(row).toEqual({ nc: true, s: 'submitted', by: alternate.user.id });
    await stranger.page.goto('about:blank');
    await stranger.page.goto(link);
    await expect(stranger.page.getByRole('alert').textContent()).resolves.toContain('This link has already been used');
    await stranger.shot('replayed');
    await stranger.close();
  });

  it('refuses the links of a deactivated account; bad and unknown tokens get 400 and 404', async () => {
    await t.http.post(`/api/v1/users/${alternate.user.id}/deactivate`).set(bearer(sec.accessToken)).send({}).expect(200);
    const gone = await post('confirm', tokenOf(reminderLinks(theirs, pledges[1].reference, BASE).noChange)).expect(403);
    expect(gone.body.details.reason).toBe('deactivated');
    expect((await post('inspect', 'not a token').expect(400)).body.code).toBe('validation_failed');
    expect((await post('confirm', 'A'.repeat(43)).expect(404)).body.details.reason).toBe('unknown');
  });
});
