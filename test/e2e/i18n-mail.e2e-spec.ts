import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { partsOf, startSmtpServer, subjectOf } from '../helpers/smtp';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('e-mail in the recipient\'s language (real SMTP server)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sec: CreatedUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://gcm.example.org/' } });
    sec = await createUser(t, { role: 'secretariat' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const lastMail = async (n: number) => {
    await smtp.waitFor(n);
    return partsOf(smtp.mails[n - 1]);
  };

  it('invites a French user in French, chosen at invitation', async () => {
    const before = smtp.mails.length;
    const invite = await t.http.post('/api/v1/users/invitations').set(bearer(sec.accessToken))
      .send({ email: 'claire@example.org', name: 'Claire Martin', role: 'expert', language: 'fr' }).expect(201);
    expect(invite.body.user).toMatchObject({ language: 'fr', mailLanguage: 'fr' });
    const mail = await lastMail(before + 1);
    expect(mail.headers['content-language']).toBe('fr');
    expect(subjectOf(mail.headers)).toBe('Vous êtes invité(e) sur GCM Tracker');
    const text = mail.parts.find((p) => p.headers['content-type'].startsWith('text/plain'))!;
    expect(text.body).toContain('Bonjour Claire Martin,');
    expect(text.body).toContain('avec le rôle « expert »');
    const html = mail.parts.find((p) => p.headers['content-type'].startsWith('text/html'))!;
    expect(html.body).toContain('<html lang="fr" dir="ltr">');
  });

  it("invites a focal point of an Arabic-speaking State in Arabic by the organisation's language, right to left", async () => {
    const egy = await stateOrganisationId(t, 'EGY');
    await t.dataSource.query("UPDATE organisation SET language = 'ar-EG' WHERE id = $1", [egy]);
    const before = smtp.mails.length;
    const invite = await t.http.post('/api/v1/users/invitations').set(bearer(sec.accessToken))
      .send({ email: 'amina@example.org', name: 'Amina Hassan', role: 'focal_point', organisationId: egy }).expect(201);
    expect(invite.body.user).toMatchObject({ language: null, mailLanguage: 'ar' });
    const mail = await lastMail(before + 1);
    expect(mail.headers['content-language']).toBe('ar');
    expect(subjectOf(mail.headers)).toBe('دعوة للانضمام إلى GCM Tracker');
    const text = mail.parts.find((p) => p.headers['content-type'].startsWith('text/plain'))!;
    expect(text.body).toContain('مرحبًا Amina Hassan،');
    expect(text.body).toContain('https://gcm.example.org/accept-invitation#token=');
    const html = mail.parts.find((p) => p.headers['content-type'].startsWith('text/html'))!;
    expect(html.body).toContain('<html lang="ar" dir="rtl">');
    expect(html.body).toContain('بصفة جهة تنسيق');
  });

  it('sends a password reset in the language the user chose in their profile, and English by default', async () => {
    const u = await createUser(t, { role: 'expert', email: 'sergei@example.org' });
    expect((await t.http.get('/api/v1/auth/me').set(bearer(u.accessToken)).expect(200)).body.mailLanguage).toBe('en');
    await t.http.patch('/api/v1/auth/me').set(bearer(u.accessToken)).send({ language: 'xx' }).expect(400);
    const me = await t.http.patch('/api/v1/auth/me').set(bearer(u.accessToken)).send({ language: 'ru' }).expect(200);
    expect(me.body).toMatchObject({ language: 'ru', mailLanguage: 'ru' });
    const [audit] = await t.dataSource.query("SELECT after FROM audit_log WHERE action = 'user.profile_update' AND entity_id = $1", [u.user.id]);
    expect(audit.after.language).toBe('ru');
    let before = smtp.mails.length;
    await t.http.post('/api/v1/auth/password-reset/request').send({ email: 'sergei@example.org' }).expect(202);
    let mail = await lastMail(before + 1);
    expect(mail.headers['content-language']).toBe('ru');
    expect(subjectOf(mail.headers)).toBe('GCM Tracker: сброс пароля');
    expect(mail.parts[0].body).toMatch(/в течение \d+ минут/);

    await t.http.patch('/api/v1/auth/me').set(bearer(u.accessToken)).send({ language: null }).expect(200);
    before = smtp.mails.length;
    await t.http.post('/api/v1/auth/password-reset/request').send({ email: 'sergei@example.org' }).expect(202);
    mail = await lastMail(before + 1);
    expect(mail.headers['content-language']).toBe('en');
    expect(subjectOf(mail.headers)).toBe('GCM Tracker: reset your password');
  });
});
