import { RetentionService } from '@gcm/accounts';
import { QueueService } from '@gcm/platform';
import { CyclesService } from '@gcm/reporting';
import { SubscriptionsMailHandler } from '@gcm/subscriptions';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { freePort } from '../helpers/browser-person';
import { openCycle, publishedPledge } from '../helpers/pledges';
import { partsOf, ReceivedMail, startSmtpServer, textOf } from '../helpers/smtp';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues } from '../helpers/worker';

const tokenIn = (text: string, path: string) => {
  const m = new RegExp(`${path.replace(/\//g, '\\/')}#token=([A-Za-z0-9_.%-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return decodeURIComponent(m[1]);
};
/** A header of a received mail, folded lines joined. */
const header = (mail: ReceivedMail, name: string): string | undefined => partsOf(mail).headers[name.toLowerCase()];

/**
 * Issue 17 item 4: observers follow a country, an objective, a theme or the
 * cycle digest by e-mail, without an account, through a real SMTP server:
 * double opt-in, one collated mail a day, one-click unsubscribe.
 */
describe('e-mail subscriptions', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sec: CreatedUser;
  let focal: CreatedUser;
  let BASE: string;
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
  const subscribe = (body: Record<string, unknown>) => t.http.post('/api/v1/subscriptions').send(body);
  /**
   * The mail reads the outbox up to the oldest transaction running on the server (other test files' too): wait until
   * that has passed every event written so far, as a day's wait would, then run the job.
   */
  const outboxSettled = async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [{ settled }] = await t.dataSource.query(
        `SELECT coalesce((SELECT max(xid) FROM publication_event) < pg_snapshot_xmin(pg_current_snapshot()), true) AS settled`);
      if (settled) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const runDailyMail = async () => {
    await outboxSettled();
    return t.app.get(SubscriptionsMailHandler).handle();
  };
  /** As if the subscriber's last mail went out a day and an hour ago. */
  const aDayLater = (address: string) =>
    t.dataSource.query(`UPDATE email_subscriber SET last_mailed_at = now() - interval '25 hours' WHERE email = $1 AND last_mailed_at IS NOT NULL`, [address]);
  const confirmed = async (address: string, body: Record<string, unknown>) => {
    const before = mailsTo(address).length;
    expect((await subscribe({ email: address, ...body })).status).toBe(202);
    await smtp.waitFor(smtp.mails.length);
    const mail = mailsTo(address)[before];
    expect(mail).toBeDefined();
    const res = await t.http.post('/api/v1/subscriptions/confirm').send({ token: tokenIn(textOf(mail), '/subscriptions/confirm') });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const port = await freePort();
    BASE = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: BASE, SUBSCRIBE_LIMIT_PER_ADDRESS: '3' } });
    await t.app.listen(port, '127.0.0.1');
    sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'PRT' });
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await t?.close();
    await smtp?.close();
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    for (const [body, field] of [
      [{ email: 'not-an-address', topic: 'country', key: 'PRT', language: 'en' }, 'email'],
      [{ email: 'x@example.org', topic: 'planet', key: 'PRT', language: 'en' }, 'topic'],
      [{ email: 'x@example.org', topic: 'country', key: 'PRT', language: 'de' }, 'language'],
      [{ email: 'x@example.org', topic: 'country', language: 'en' }, 'key'],
      [{ email: 'x@example.org', topic: 'country', key: 'XXX', language: 'en' }, 'key'],
      [{ email: 'x@example.org', topic: 'objective', key: '99', language: 'en' }, 'key'],
      [{ email: 'x@example.org', topic: 'objective', key: 'PRT', language: 'en' }, 'key'],
    ] as const) {
      const res = await subscribe(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(JSON.stringify(res.body.details)).toContain(field);
    }
    expect(await t.dataSource.query('SELECT 1 FROM email_subscriber')).toHaveLength(0);
    expect(mailsTo('x@example.org')).toHaveLength(0);
  });

  it('confirms once by the mailed link; the same answer for a known address; a second confirmation is refused', async () => {
    const address = 'ana.observer@example.org';
    const first = await subscribe({ email: address, topic: 'country', key: 'prt', language: 'en' });
    expect(first.status).toBe(202);
    await smtp.waitFor(smtp.mails.length);
    const [mail] = mailsTo(address);
    expect(textOf(mail)).toContain('GCM Tracker e-mails about: Country: Portugal');
    expect(textOf(mail)).toContain(`${BASE}/subscriptions/confirm#token=`);
    const token = tokenIn(textOf(mail), '/subscriptions/confirm');
    const stored = await t.dataSource.query('SELECT confirm_token_hash FROM email_subscription');
    expect(JSON.stringify(stored)).not.toContain(token);

    const ok = await t.http.post('/api/v1/subscriptions/confirm').send({ token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ topic: 'country', key: 'PRT', language: 'en' });
    const again = await t.http.post('/api/v1/subscriptions/confirm').send({ token });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ reason: 'used' });
    const unknown = await t.http.post('/api/v1/subscriptions/confirm').send({ token: 'x'.repeat(43) });
    expect(unknown.status).toBe(404);

    // Subscribing again, known and confirmed, answers exactly as a stranger's request does, and mails nothing.
    const known = await subscribe({ email: address, topic: 'country', key: 'PRT', language: 'en' });
    const stranger = await subscribe({ email: 'nobody.yet@example.org', topic: 'country', key: 'PRT', language: 'en' });
    expect([known.status, known.body]).toEqual([stranger.status, stranger.body]);
    await smtp.waitFor(smtp.mails.findIndex((m) => m.to.includes('nobody.yet@example.org')) + 1);
    expect(mailsTo(address)).toHaveLength(1);

    const audit = await t.dataSource.query(
      `SELECT action, after FROM audit_log WHERE entity_type = 'email_subscription'`);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['email_subscription.request', 'email_subscription.confirm']));
    expect(JSON.stringify(audit)).not.toContain('@example.org');
  });

  it('refuses an expired link and changes nothing; the retention job prunes it with its address', async () => {
    const address = 'late.reader@example.org';
    expect((await subscribe({ email: address, topic: 'objective', key: '5', language: 'es' })).status).toBe(202);
    await smtp.waitFor(smtp.mails.length);
    const [mail] = mailsTo(address);
    expect(textOf(mail)).toContain('Objetivo 5');
    await t.dataSource.query(
      `UPDATE email_subscription SET confirm_expires_at = now() - interval '1 minute'
        WHERE subscriber_id = (SELECT id FROM email_subscriber WHERE email = $1)`, [address]);
    const res = await t.http.post('/api/v1/subscriptions/confirm').send({ token: tokenIn(textOf(mail), '/es/subscriptions/confirm') });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({ reason: 'expired' });
    expect(await t.dataSource.query(
      `SELECT 1 FROM email_subscription s JOIN email_subscriber r ON r.id = s.subscriber_id WHERE r.email = $1 AND s.confirmed_at IS NOT NULL`, [address]))
      .toHaveLength(0);

    // Long past its expiry (beyond TOKEN_RETENTION_DAYS), the pending subscription and then the address are deleted.
    await t.dataSource.query(
      `UPDATE email_subscription SET confirm_expires_at = now() - interval '400 days' WHERE subscriber_id = (SELECT id FROM email_subscriber WHERE email = $1)`, [address]);
    await t.dataSource.query(`UPDATE email_subscriber SET created_at = now() - interval '400 days' WHERE email = $1`, [address]);
    const counts = await t.app.get(RetentionService).prune();
    expect(counts.unconfirmedSubscriptions).toBe(1);
    expect(counts.subscribers).toBe(1);
    expect(await t.dataSource.query('SELECT 1 FROM email_subscriber WHERE email = $1', [address])).toHaveLength(0);
  });

  it('limits requests per address (429 with Retry-After)', async () => {
    const address = 'eager@example.org';
    for (const key of ['1', '2', '3']) expect((await subscribe({ email: address, topic: 'objective', key, language: 'en' })).status).toBe(202);
    const refused = await subscribe({ email: address, topic: 'objective', key: '4', language: 'en' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('sends one collated mail a day in the chosen language, none when nothing matched, and the digest once per cycle', async () => {
    const address = 'claire.suivi@example.org';
    await confirmed(address, { topic: 'country', key: 'PRT', language: 'fr' });
    await confirmed(address, { topic: 'objective', key: '17', language: 'fr' });
    await confirmed(address, { topic: 'digest', language: 'fr' });
    const quiet = 'quiet.reader@example.org';
    await confirmed(quiet, { topic: 'country', key: 'KEN', language: 'en' });

    const a = await publishedPledge(t, focal, sec, { title: 'Consular help for Portuguese abroad', scope: { countries: ['PRT'], regions: [] } });
    const b = await publishedPledge(t, focal, sec, {
      title: 'Fighting xenophobia in schools', scope: { countries: ['ESP'], regions: [] },
      alignment: { objectives: [{ number: 17, primary: true }], principles: ['a'], recommendations: [], commitments: [] },
    });
    const before = smtp.mails.length;
    await runDailyMail();
    await smtp.waitFor(before + 1);
    const mine = mailsTo(address).filter((m) => textOf(m).includes('Bonjour,\n\nVoici'));
    expect(mine).toHaveLength(1);
    expect(textOf(mine[0])).toContain(`Engagement publié : Consular help for Portuguese abroad\n  ${BASE}/pledges/${a.reference}`);
    expect(textOf(mine[0])).toContain(`Engagement publié : Fighting xenophobia in schools\n  ${BASE}/pledges/${b.reference}`);
    expect(header(mine[0], 'Content-Language')).toBe('fr');
    expect(header(mine[0], 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mine[0], 'List-Unsubscribe')).toMatch(new RegExp(`^<${BASE}/api/v1/subscriptions/unsubscribe\\?token=`));
    expect(textOf(mine[0])).toContain(`${BASE}/fr/subscriptions/unsubscribe#token=`);
    // Nothing matched Kenya: nothing sent.
    expect(mailsTo(quiet)).toHaveLength(1);

    // The same day again, even with a new publication: no second mail.
    await publishedPledge(t, focal, sec, { title: 'Return counselling in Lisbon', scope: { countries: ['PRT'], regions: [] } });
    const sent = smtp.mails.length;
    expect(await runDailyMail()).toEqual({ mailed: 0 });
    expect(smtp.mails).toHaveLength(sent);

    // A cycle is compiled: the next day's mail carries its digest and the publication that waited.
    await openCycle(t, sec, { code: '2031-H1', periodStart: '2031-01-01', periodEnd: '2031-06-30' });
    const { version } = (await t.http.get('/api/v1/cycles/2031-H1')).body;
    expect((await t.http.post('/api/v1/cycles/2031-H1/close').set(bearer(sec.accessToken)).send({ version })).status).toBe(200);
    const [{ id: cycleId }] = await t.dataSource.query(`SELECT id FROM reporting_cycle WHERE code = '2031-H1'`);
    await t.dataSource.transaction((m) => t.app.get(CyclesService).markCompiled(cycleId, m));
    // Its public digest: the dashboard's figures for the cycle, beside the one before.
    expect((await t.http.get('/api/v1/digests/2031-H2')).status).toBe(404);
    const digest = await t.http.get('/api/v1/digests/2031-H1');
    expect(digest.status).toBe(200);
    const stats = await t.http.get('/api/v1/stats/headline?cycle=2031-H1');
    expect(digest.body.headline).toEqual(stats.body);
    const pledges = digest.body.changes.find((c: { figure: string }) => c.figure === 'pledges');
    expect(pledges.value).toBe(stats.body.pledges);
    expect(pledges.change).toBe(pledges.previous === null ? null : pledges.value - pledges.previous);
    await aDayLater(address);
    expect(await runDailyMail()).toEqual({ mailed: 1 });
    await smtp.waitFor(sent + 1);
    const next = mailsTo(address).at(-1)!;
    expect(textOf(next)).toContain(`Le cycle 2031-H1 est compilé : ce qui a évolué\n  ${BASE}/digests/2031-H1`);
    expect(textOf(next)).toContain('Return counselling in Lisbon');
    expect(textOf(next)).not.toContain('Fighting xenophobia');

    // A day later, nothing new: no mail, and the digest is never sent twice.
    await aDayLater(address);
    expect(await runDailyMail()).toEqual({ mailed: 0 });
    expect(mailsTo(address).filter((m) => textOf(m).includes('2031-H1'))).toHaveLength(1);
    expect(await t.dataSource.query('SELECT 1 FROM email_digest_mail WHERE cycle_id = $1', [cycleId])).toHaveLength(1);

    // RFC 8058 one-click: the mail client POSTs the header's URL; no sign-in, and it stays done.
    const url = new URL(header(mine[0], 'List-Unsubscribe')!.slice(1, -1));
    const oneClick = await t.http.post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click');
    expect(oneClick.status).toBe(200);
    expect(oneClick.body).toEqual({ unsubscribed: true });
    expect(await t.dataSource.query('SELECT 1 FROM email_subscriber WHERE email = $1', [address])).toHaveLength(0);
    expect((await t.http.post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click')).status).toBe(200);
    await publishedPledge(t, focal, sec, { title: 'Another Portuguese pledge', scope: { countries: ['PRT'], regions: [] } });
    await t.dataSource.query(`UPDATE email_subscriber SET last_mailed_at = now() - interval '25 hours'`);
    const total = mailsTo(address).length;
    await runDailyMail();
    expect(mailsTo(address)).toHaveLength(total);
    const audit = await t.dataSource.query(`SELECT after FROM audit_log WHERE action = 'email_subscriber.unsubscribe'`);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('@');
  });

  it('unsubscribes by the link in the mail (the page posts its token), without sign-in', async () => {
    const address = 'ana.observer@example.org';
    const daily = mailsTo(address).find((m) => textOf(m).includes('/subscriptions/unsubscribe#token='));
    expect(daily).toBeDefined();
    const token = tokenIn(textOf(daily!), '/subscriptions/unsubscribe');
    const res = await t.http.post('/api/v1/subscriptions/unsubscribe').send({ token });
    expect(res.status).toBe(200);
    expect(await t.dataSource.query('SELECT 1 FROM email_subscriber WHERE email = $1', [address])).toHaveLength(0);
    const forged = await t.http.post('/api/v1/subscriptions/unsubscribe').send({ token: `${token.slice(0, 37)}${'A'.repeat(43)}` });
    expect(forged.status).toBe(404);
  });
});
