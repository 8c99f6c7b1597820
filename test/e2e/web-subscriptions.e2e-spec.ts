/// <reference lib="dom" />
import { EmailSubscriptionsService } from '@gcm/subscriptions';
import type { Browser } from 'playwright-core';
import { freePort, launchBrowser, person, type Person } from '../helpers/browser-person';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { startSmtpServer, textOf } from '../helpers/smtp';
import { createTestApp, type TestApp } from '../helpers/test-app';

const linkIn = (text: string, path: string) => {
  const m = new RegExp(`https?://[^\\s]*${path.replace(/\//g, '\\/')}#token=[A-Za-z0-9_.%-]+`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[0];
};

/**
 * Issue 17 item 4 in the browser: an observer subscribes from a country's
 * page (English) and from /subscriptions (Arabic, right to left), confirms by
 * the mailed link, is told clearly when the link was already used, and
 * unsubscribes by the mail's link without signing in; each page at 390 and
 * 1366 px with no serious axe violation.
 */
describe('e-mail subscription pages in the browser (en + ar)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let browser: Browser;
  let me: Person;
  let base: string;

  const audit = async (what: string) => {
    for (const viewport of [PHONE, LAPTOP]) {
      await me.page.setViewportSize(viewport);
      await settled(me.page);
      const { overflow, violations } = await auditPage(me.page);
      expect({ what, width: viewport.width, overflow, violations }).toEqual({ what, width: viewport.width, overflow: 0, violations: [] });
      await me.shot(`${what}-${viewport.width}`);
    }
  };
  const mailTo = async (address: string) => {
    for (let i = 0; i < 100 && !smtp.mails.some((m) => m.to.includes(address)); i++) await new Promise((r) => setTimeout(r, 100));
    const mail = smtp.mails.filter((m) => m.to.includes(address)).at(-1);
    if (!mail) throw new Error(`no mail to ${address}`);
    return textOf(mail);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: base } });
    await t.app.listen(port, '127.0.0.1');
    browser = await launchBrowser();
    me = await person(browser, 'subscriptions', LAPTOP);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it('subscribes from a country page, confirms once, and says clearly that a second confirmation changes nothing (en)', async () => {
    const page = me.page;
    await page.goto(`${base}/countries/PRT`);
    const section = page.getByRole('region', { name: 'Follow this by e-mail' });
    await section.getByLabel('E-mail address').fill('not an address');
    await section.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText('Enter an e-mail address such as name@example.org.').first().waitFor();
    await section.getByLabel('E-mail address').fill('web.observer@example.org');
    await section.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText('Check your inbox').waitFor();
    await audit('subscribed-en');

    const link = linkIn(await mailTo('web.observer@example.org'), '/subscriptions/confirm');
    await page.goto(link);
    // Text arguments are wrapped in Unicode isolates, hence the pattern.
    await page.getByText(/You are subscribed to: .?Country .?PRT/).waitFor();
    await audit('confirmed-en');
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByText('This subscription is already confirmed').waitFor();
    await audit('confirmed-twice-en');
    expect(await t.dataSource.query(`SELECT topic, topic_key AS key FROM email_subscription WHERE confirmed_at IS NOT NULL`))
      .toEqual([{ topic: 'country', key: 'PRT' }]);
  });

  it('subscribes to the digest from /ar/subscriptions, confirms and unsubscribes right to left (ar)', async () => {
    const page = me.page;
    await page.goto(`${base}/ar/subscriptions`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByLabel('ما الذي تتابعه').selectOption('digest');
    await page.getByLabel('عنوان البريد الإلكتروني').fill('mutabi@example.org');
    expect(await page.getByLabel('لغة الرسائل').inputValue()).toBe('ar');
    await audit('form-ar');
    await page.getByRole('button', { name: 'اشترك' }).click();
    await page.getByText('تحقق من بريدك الوارد').waitFor();

    const text = await mailTo('mutabi@example.org');
    expect(text).toContain('موجز الدورة');
    await page.goto(linkIn(text, '/ar/subscriptions/confirm'));
    await page.getByText(/أنت مشترك في: .?موجز الدورة/).waitFor();
    await audit('confirmed-ar');

    const [{ id }] = await t.dataSource.query(`SELECT id FROM email_subscriber WHERE email = 'mutabi@example.org'`);
    await page.goto(t.app.get(EmailSubscriptionsService).unsubscribeLinks(id, 'ar').page);
    await page.getByText('تم إلغاء اشتراكك').waitFor();
    await audit('unsubscribed-ar');
    expect(await t.dataSource.query(`SELECT 1 FROM email_subscriber WHERE email = 'mutabi@example.org'`)).toHaveLength(0);
    expect(me.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
