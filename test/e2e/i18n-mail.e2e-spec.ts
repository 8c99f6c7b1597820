import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { ReceivedMail, startSmtpServer } from '../helpers/smtp';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Part {
  headers: Record<string, string>;
  body: string;
}

/** The MIME parts of a received mail, bodies decoded (base64 or quoted-printable) as UTF-8. */
function partsOf(mail: ReceivedMail): { headers: Record<string, string>; parts: Part[] } {
  const split = (block: string) => {
    const at = block.search(/\r?\n\r?\n/);
    const head = block.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
    const headers = Object.fromEntries(head.split(/\r?\n/).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    return { headers, body: block.slice(at).replace(/^\r?\n\r?\n/, '') };
  };
  const decode = (p: { headers: Record<string, string>; body: string }): Part => {
    const cte = (p.headers['content-transfer-encoding'] ?? '').toLowerCase();
    const bytes = cte === 'base64' ? Buffer.from(p.body.replace(/\s+/g, ''), 'base64')
      : cte === 'quoted-printable' ? Buffer.from(p.body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1')
        : Buffer.from(p.body, 'utf8');
    return { headers: p.headers, body: bytes.toString('utf8') };
  };
  const top = split(mail.raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? top.body.split(`--${boundary}`).slice(1, -1).map((b) => decode(split(b.replace(/^\r?\n/, ''))))
    : [decode(top)];
  return { headers: top.headers, parts };
}

const subjectOf = (headers: Record<string, string>) =>
  (headers.subject ?? '').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));

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
