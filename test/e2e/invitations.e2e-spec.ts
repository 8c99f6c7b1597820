import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { startSmtpServer } from '../helpers/smtp';
import { createTestApp, TestApp } from '../helpers/test-app';

const linkToken = (text: string, path: string): string => {
  const m = new RegExp(`https://gcm\\.example\\.org${path}#token=([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in mail:\n${text}`);
  return m[1];
};

describe('accounts: invitations and password reset (with a real SMTP server)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let secretariat: CreatedUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://gcm.example.org/' } });
    secretariat = await createUser(t, { role: 'secretariat' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('invites a focal point by e-mail; the link sets a password once, and they can then sign in', async () => {
    const ken = await stateOrganisationId(t, 'KEN');
    const invite = await t.http.post('/api/v1/users/invitations').set(bearer(secretariat.accessToken))
      .send({ email: 'Wanjiru.K@Example.org', name: 'Wanjiru Kamau', role: 'focal_point', organisationId: ken }).expect(201);
    expect(invite.body).toMatchObject({
      user: { email: 'wanjiru.k@example.org', role: 'focal_point', status: 'invited', organisation: { name: 'Kenya' } },
      mailSent: true,
      inviteUrl: expect.stringMatching(/^https:\/\/gcm\.example\.org\/accept-invitation#token=/),
    });
    await smtp.waitFor(1);
    const mail = smtp.mails[smtp.mails.length - 1];
    expect(mail.to).toEqual(['wanjiru.k@example.org']);
    expect(mail.text).toContain('as a focal point for Kenya');
    const token = linkToken(mail.text, '/accept-invitation');
    expect(invite.body.inviteUrl).toContain(token);

    await t.http.post('/api/v1/auth/sign-in').send({ email: 'wanjiru.k@example.org', password: 'a-new-strong-password' }).expect(401);
    await t.http.post('/api/v1/auth/invitations/accept').send({ token, password: 'short' }).expect(400);
    const accepted = await t.http.post('/api/v1/auth/invitations/accept').send({ token, password: 'a-new-strong-password' }).expect(200);
    expect(accepted.body.user).toMatchObject({ status: 'active', organisationId: ken });
    await t.http.get('/api/v1/auth/me').set(bearer(accepted.body.accessToken)).expect(200);
    const again = await t.http.post('/api/v1/auth/invitations/accept').send({ token, password: 'another-password-123' }).expect(401);
    expect(again.body.message).toMatch(/invalid, expired or already used/);
    await t.http.post('/api/v1/auth/sign-in').send({ email: 'wanjiru.k@example.org', password: 'a-new-strong-password' }).expect(200);
    await t.http.post('/api/v1/users/invitations').set(bearer(secretariat.accessToken))
      .send({ email: 'wanjiru.k@example.org', name: 'Again', role: 'expert' }).expect(409);
  });

  it('refuses an expired invitation (401), and a re-invitation retires the earlier link', async () => {
    const first = await t.http.post('/api/v1/users/invitations').set(bearer(secretariat.accessToken))
      .send({ email: 'late@example.org', name: 'Late Comer', role: 'expert' }).expect(201);
    expect(first.body.token).toEqual(expect.any(String));
    await t.dataSource.query("UPDATE user_token SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [first.body.user.id]);
    await t.http.post('/api/v1/auth/invitations/accept').send({ token: first.body.token, password: 'quiet-harbour-lantern' }).expect(401);
    const second = await t.http.post('/api/v1/users/invitations').set(bearer(secretariat.accessToken))
      .send({ email: 'late@example.org', name: 'Late Comer', role: 'expert' }).expect(201);
    const third = await t.http.post('/api/v1/users/invitations').set(bearer(secretariat.accessToken))
      .send({ email: 'late@example.org', name: 'Late Comer', role: 'expert' }).expect(201);
    await t.http.post('/api/v1/auth/invitations/accept').send({ token: second.body.token, password: 'quiet-harbour-lantern' }).expect(401);
    await t.http.post('/api/v1/auth/invitations/accept').send({ token: third.body.token, password: 'quiet-harbour-lantern', name: 'Dr Late' }).expect(200)
      .expect((r) => expect(r.body.user.name).toBe('Dr Late'));
  });

  it('checks an invitation: focal points need an existing organisation, unknown fields are refused', async () => {
    const post = (body: object) => t.http.post('/api/v1/users/invitations').set(bearer(secretariat.accessToken)).send(body);
    const noOrg = await post({ email: 'fp@example.org', name: 'FP', role: 'focal_point' }).expect(400);
    expect(noOrg.body.details).toEqual([{ field: 'organisationId', messages: [expect.stringMatching(/focal point/)] }]);
    await post({ email: 'fp@example.org', name: 'FP', role: 'focal_point', organisationId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    await post({ email: 'fp@example.org', name: 'FP', role: 'admin' }).expect(400);
    const extra = await post({ email: 'fp@example.org', name: 'FP', role: 'expert', password: 'set-by-secretariat' }).expect(400);
    expect(extra.body.details[0].field).toBe('password');
  });

  it('resets a password by an e-mailed one-time link, answering 202 whether or not the address is known', async () => {
    const u = await createUser(t, { role: 'expert', email: 'forgetful@example.org' });
    const before = smtp.mails.length;
    const unknown = await t.http.post('/api/v1/auth/password-reset/request').send({ email: 'nobody@example.org' }).expect(202);
    const known = await t.http.post('/api/v1/auth/password-reset/request').send({ email: 'Forgetful@example.org' }).expect(202);
    expect(known.body).toEqual(unknown.body);
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails.slice(before).map((m) => m.to)).toEqual([['forgetful@example.org']]);
    const token = linkToken(smtp.mails[smtp.mails.length - 1].text, '/reset-password');

    const audited = async () => (await t.dataSource.query('SELECT count(*)::int n FROM audit_log'))[0].n;
    const rowsBefore = await audited();
    await t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'my-brand-new-password' }).expect(204);
    expect(await audited()).toBe(rowsBefore + 1);
    const [row] = await t.dataSource.query('SELECT action, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(row).toEqual({ action: 'auth.password_reset', entity_id: u.user.id, after: { sessionsRevoked: 1 } });
    await t.http.get('/api/v1/auth/me').set(bearer(u.accessToken)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: u.password }).expect(401);
    await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: 'my-brand-new-password' }).expect(200);
    await t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'yet-another-password' }).expect(401);
  });

  it('refuses an expired reset link (401)', async () => {
    const u = await createUser(t, { role: 'expert' });
    const before = smtp.mails.length;
    await t.http.post('/api/v1/auth/password-reset/request').send({ email: u.user.email }).expect(202);
    await smtp.waitFor(before + 1);
    const token = linkToken(smtp.mails[smtp.mails.length - 1].text, '/reset-password');
    await t.dataSource.query("UPDATE user_token SET expires_at = now() - interval '1 second' WHERE user_id = $1", [u.user.id]);
    await t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'too-late-password' }).expect(401);
    await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: u.password }).expect(200);
  });

  it('refuses common passwords and ones built from the own e-mail or name, on acceptance and on reset, with a field error', async () => {
    const invite = await t.http.post('/api/v1/users/invitations').set(bearer(secretariat.accessToken))
      .send({ email: 'fatima.zahra@example.org', name: 'Fatima Zahra', role: 'expert' }).expect(201);
    const weak = ['password1234', '123456789012', 'fatima.zahra@example.org', 'Zahra-Fatima-2026'];
    for (const password of weak) {
      const res = await t.http.post('/api/v1/auth/invitations/accept').send({ token: invite.body.token, password }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: 'Validation failed', details: [{ field: 'password', messages: [expect.stringMatching(/^password /)] }] });
    }
    // A refused password leaves the link usable.
    await t.http.post('/api/v1/auth/invitations/accept').send({ token: invite.body.token, password: 'dunes-at-first-light' }).expect(200);

    const before = smtp.mails.length;
    await t.http.post('/api/v1/auth/password-reset/request').send({ email: 'fatima.zahra@example.org' }).expect(202);
    await smtp.waitFor(before + 1);
    const token = linkToken(smtp.mails[smtp.mails.length - 1].text, '/reset-password');
    for (const password of weak) {
      const res = await t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password }).expect(400);
      expect(res.body.details).toEqual([{ field: 'password', messages: [expect.stringMatching(/^password (is too easy to guess|must not contain your e-mail address or name)/)] }]);
    }
    await t.http.post('/api/v1/auth/sign-in').send({ email: 'fatima.zahra@example.org', password: 'password1234' }).expect(401);
    await t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'caravan-of-quiet-stars' }).expect(204);
    await t.http.post('/api/v1/auth/sign-in').send({ email: 'fatima.zahra@example.org', password: 'caravan-of-quiet-stars' }).expect(200);
  });
});
