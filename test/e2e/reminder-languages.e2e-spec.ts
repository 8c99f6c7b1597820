import type { INestApplication } from '@nestjs/common';
import { RemindersScanHandler } from '@gcm/notifications';
import { QueueService } from '@gcm/platform';
import type { ReportDataset } from '@gcm/reports';
import { at10, pledge, stateOrganisation } from '../../libs/reports/src/testing/factories';
import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { startSmtpServer } from '../helpers/smtp';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const longDate = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The text/plain part of a raw message, decoded (nodemailer picks quoted-printable or base64 by the script). */
function plainText(raw: string): string {
  const m = /Content-Type: text\/plain[^\n]*\r?\nContent-Transfer-Encoding: (\S+)\r?\n\r?\n([\s\S]*?)\r?\n----/.exec(raw);
  if (!m) throw new Error('no text/plain part');
  if (m[1] === 'base64') return Buffer.from(m[2].replace(/\s+/g, ''), 'base64').toString('utf8');
  const qp = m[2].replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(qp, 'latin1').toString('utf8');
}

describe('reporting reminders in the recipient language', () => {
  let t: TestApp;
  let worker: INestApplication;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sec: CreatedUser;
  let french: CreatedUser;
  let spanishOrg: CreatedUser;
  let russian: CreatedUser;
  let english: CreatedUser;
  const OVERDUE = { code: '2096-H1', periodStart: day(-227), periodEnd: day(-47), deadline: day(-2), closedAt: null };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://gcm.example.org' } });
    sec = await createUser(t, { role: 'secretariat' });
    // Mexico writes in Spanish: its focal points' e-mail follows unless they choose otherwise.
    await t.dataSource.query(`UPDATE organisation SET language = 'es-MX' WHERE id = $1`, [await stateOrganisationId(t, 'MEX')]);
    french = await createUser(t, { role: 'focal_point', organisationAlpha3: 'MEX' });
    spanishOrg = await createUser(t, { role: 'focal_point', organisationAlpha3: 'MEX' });
    russian = await createUser(t, { role: 'focal_point', organisationAlpha3: 'MEX' });
    english = await createUser(t, { role: 'focal_point', organisationAlpha3: 'NOR' });
    const mex = stateOrganisation('MEX', 'Mexico');
    const nor = stateOrganisation('NOR', 'Norway');
    const data: ReportDataset = {
      snapshot: { id: 'reminder-languages', takenAt: new Date().toISOString(), frameworkVersion: 1 },
      catalogue: { objectives: [], themes: [], recommendations: [], roundTables: [], countries: [], principles: [] },
      cycles: [OVERDUE],
      organisations: [mex, nor],
      pledges: [
        pledge('m1', mex.id, [8], { publishedAt: at10(day(-400)) }),
        pledge('m2', mex.id, [3], { publishedAt: at10(day(-400)) }),
        pledge('n3', nor.id, [1], { publishedAt: at10(day(-400)) }),
      ],
      updates: [],
      expertReports: [],
      practices: [],
    };
    await seedReportDataset(t.dataSource, data, { cycleStatus: { [OVERDUE.code]: 'open' } });
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('lets the secretariat set a user language, refusing one not of the six with a 400 and writing nothing', async () => {
    const bad = await t.http.patch(`/api/v1/users/${russian.user.id}`).set(bearer(sec.accessToken)).send({ language: 'de' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('language');
    expect((await t.dataSource.query('SELECT language FROM app_user WHERE id = $1', [russian.user.id]))[0].language).toBeNull();
    const set = await t.http.patch(`/api/v1/users/${russian.user.id}`).set(bearer(sec.accessToken)).send({ language: 'ru' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ language: 'ru', mailLanguage: 'ru' });
    const [audit] = await t.dataSource.query(
      `SELECT after FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 AND action = 'user.update' ORDER BY occurred_at DESC LIMIT 1`, [russian.user.id],
    );
    expect(audit.after.language).toBe('ru');
    // A focal point chooses French for themself.
    expect((await t.http.patch('/api/v1/auth/me').set(bearer(french.accessToken)).send({ language: 'fr' })).status).toBe(200);
  });

  it("writes each reminder in the recipient's language (profile, else organisation, else English), stored copy and e-mail alike", async () => {
    // The worker starts only now: its scheduled scan would otherwise remind everyone before the languages above were chosen.
    worker = await startWorker();
    await worker.get(RemindersScanHandler).handle();
    const mails = await waitFor(async () => (smtp.mails.length >= 4 ? smtp.mails : null), 'four e-mails');
    const to = (u: CreatedUser) => {
      const m = mails.find((x) => x.to.includes(u.user.email));
      if (!m) throw new Error(`no e-mail to ${u.user.email}`);
      return m;
    };
    const expectations: [CreatedUser, string, string, string][] = [
      [french, 'fr', 'En retard : rapports d’avancement pour 2096-H1', '2 engagements de votre organisation n’ont fait l’objet d’aucun rapport'],
      [spanishOrg, 'es', 'Vencido: informes de avance de 2096-H1', '2 compromisos de su organización no tienen ningún informe de avance presentado'],
      [russian, 'ru', 'Срок истёк: отчёты о ходе выполнения за 2096-H1', 'по 2 обязательствам вашей организации не представлен'],
      [english, 'en', `Overdue: progress updates for 2096-H1 (deadline ${OVERDUE.deadline})`, 'a pledge of your organisation has no submitted progress update'],
    ];
    for (const [user, lang, subject, lead] of expectations) {
      const mail = to(user);
      expect(mail.raw).toMatch(new RegExp(`^Content-Language: ${lang}\\r?$`, 'm'));
      expect(plainText(mail.raw)).toContain(lead);
      const [stored] = (await t.http.get('/api/v1/notifications').set(bearer(user.accessToken))).body.items;
      expect(stored.subject.startsWith(subject)).toBe(true);
      expect(stored.body).toContain(lead);
      if (lang !== 'en') expect(stored.subject).toContain(longDate(OVERDUE.deadline, lang));
    }
  });
});
