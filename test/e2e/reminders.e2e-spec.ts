import type { INestApplication } from '@nestjs/common';
import { RemindersScanHandler } from '@gcm/notifications';
import { QueueName, QueueService } from '@gcm/platform';
import type { ReportDataset } from '@gcm/reports';
import { at10, pledge, stateOrganisation, update } from '../../libs/reports/src/testing/factories';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { startSmtpServer } from '../helpers/smtp';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** An open cycle whose deadline is `offset` days from today (UTC). */
const cycle = (code: string, offset: number) => ({ code, periodStart: day(offset - 225), periodEnd: day(offset - 45), deadline: day(offset), closedAt: null });

describe('reporting reminders', () => {
  let t: TestApp;
  let worker: INestApplication;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let focalA: CreatedUser;
  let focalB: CreatedUser;
  let sec: CreatedUser;
  const T30 = cycle('2097-H1', 20);
  const T7 = cycle('2098-H1', 3);
  const OVERDUE = cycle('2099-H1', -2);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://gcm.example.org' } });
    sec = await createUser(t, { role: 'secretariat' });
    focalA = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    focalB = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    const fra = stateOrganisation('FRA', 'France');
    const deu = stateOrganisation('DEU', 'Germany');
    const p1 = pledge('r1', fra.id, [8], { publishedAt: at10(day(-400)) });
    const p2 = pledge('r2', fra.id, [3], { publishedAt: at10(day(-400)) });
    const withdrawn = pledge('r3', fra.id, [5], { publishedAt: at10(day(-400)), withdrawnAt: at10(day(-300)) });
    const german = pledge('r4', deu.id, [1], { publishedAt: at10(day(-400)) });
    const data: ReportDataset = {
      snapshot: { id: 'reminders', takenAt: new Date().toISOString(), frameworkVersion: 1 },
      catalogue: { objectives: [], themes: [], recommendations: [], roundTables: [], countries: [], principles: [] },
      cycles: [T30, T7, OVERDUE],
      organisations: [fra, deu],
      pledges: [p1, p2, withdrawn, german],
      updates: [
        update(p1, T30, { lifecycle: 'draft' }),
        update(p2, T7, { lifecycle: 'submitted' }),
        update(p2, OVERDUE, { lifecycle: 'returned' }),
      ],
      expertReports: [],
      practices: [],
    };
    await seedReportDataset(t.dataSource, data, { cycleStatus: { [T30.code]: 'open', [T7.code]: 'open', [OVERDUE.code]: 'open' } });
    worker = await startWorker();
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('notifies each focal point once per cycle and step, however often the scan runs, and e-mails each notification once', async () => {
    const scan = worker.get(RemindersScanHandler);
    await scan.handle();
    const second = await scan.handle();
    expect(second).toEqual({ notificationIds: [], reminders: 0 });

    const mine = await t.http.get('/api/v1/notifications').set(bearer(focalA.accessToken));
    expect(mine.status).toBe(200);
    const byCycle = Object.fromEntries(mine.body.items.map((n: { cycle: string; step: string; data: { pledges: { reference: string }[] } }) =>
      [n.cycle, { step: n.step, pledges: n.data.pledges.map((p) => p.reference) }]));
    // T−30: both pledges (a draft is not a submission); T−7: p2 submitted; overdue: a returned update is not a submission either.
    expect(byCycle).toEqual({
      [T30.code]: { step: 't30', pledges: ['GCM-P-2025-00001', 'GCM-P-2025-00002'] },
      [T7.code]: { step: 't7', pledges: ['GCM-P-2025-00001'] },
      [OVERDUE.code]: { step: 'overdue', pledges: ['GCM-P-2025-00001', 'GCM-P-2025-00002'] },
    });
    const overdue = mine.body.items.find((n: { step: string }) => n.step === 'overdue');
    expect(overdue.subject).toBe(`Overdue: progress updates for ${OVERDUE.code} (deadline ${OVERDUE.deadline})`);
    expect(overdue.body).toContain('https://gcm.example.org');

    const all = await t.http.get('/api/v1/notifications/all').set(bearer(sec.accessToken));
    expect(all.body.total).toBe(6);
    expect(new Set(all.body.items.map((n: { userEmail: string }) => n.userEmail))).toEqual(new Set([focalA.user.email, focalB.user.email]));

    const sent = await waitFor(async () => (smtp.mails.length >= 6 ? smtp.mails : null), 'six e-mails');
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.mails).toHaveLength(6);
    const subject = (m: { raw: string }) => /^Subject: (.*)$/m.exec(m.raw)?.[1].trim();
    const keys = sent.map((m) => `${m.to.join(',')} ${subject(m)}`);
    expect(new Set(keys).size).toBe(6);
    expect(sent.filter((m) => m.to.includes(focalA.user.email)).map(subject).sort()).toEqual([
      `Overdue: progress updates for ${OVERDUE.code} (deadline ${OVERDUE.deadline})`,
      `Reminder: progress updates for ${T30.code} are due by ${T30.deadline}`,
      `Reminder: progress updates for ${T7.code} are due by ${T7.deadline}`,
    ]);
    const delivered = await waitFor(async () => {
      const r = await t.http.get('/api/v1/notifications/all?emailStatus=sent').set(bearer(sec.accessToken));
      return r.body.total === 6 ? r.body : null;
    }, 'six notifications marked sent');
    expect(delivered.items.every((n: { emailAttempts: number }) => n.emailAttempts === 1)).toBe(true);
  });

  it('keeps each user to their own notifications and lets them mark one read', async () => {
    const [first] = (await t.http.get('/api/v1/notifications').set(bearer(focalA.accessToken))).body.items;
    expect((await t.http.post(`/api/v1/notifications/${first.id}/read`).set(bearer(focalB.accessToken))).status).toBe(404);
    const read = await t.http.post(`/api/v1/notifications/${first.id}/read`).set(bearer(focalA.accessToken));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const unread = await t.http.get('/api/v1/notifications?unread=true').set(bearer(focalA.accessToken));
    expect(unread.body.total).toBe(2);
    expect((await t.http.get('/api/v1/notifications/all').set(bearer(focalA.accessToken))).status).toBe(403);
    expect((await t.http.get('/api/v1/notifications')).status).toBe(401);
  });

  it('schedules the scan as a repeatable job in the worker', async () => {
    const schedulers = await t.app.get(QueueService).queue(QueueName.Notifications).getJobSchedulers();
    expect(schedulers.map((s) => s.key ?? s.id)).toContain('reminders-scan');
  });
});
