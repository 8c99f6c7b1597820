/// <reference lib="dom" />
// (page functions here run in the browser)
import type { Browser } from 'playwright-core';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { buildDashboardFixture, type DashboardFixture } from '../helpers/dashboard-fixture';
import { signIn } from '../helpers/journey';
import { LAPTOP, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The web app in the six languages: the language in the address, `<html lang
 * dir>` from the server before any script, Accept-Language on a first visit,
 * the switcher keeping the page and remembering the choice, Arabic laid out
 * right to left. The sweep of every page in each language at 390 px and
 * 1366 px is in web-i18n-sweep-<lang>-<width>.e2e-spec.ts.
 */
describe('the web app in the six UN languages (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let f: DashboardFixture;

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(viewport: { width: number; height: number }, email: string, password: string, prefix: string): Promise<Person> {
    const who = await person(browser, prefix, viewport);
    await signIn(who.page, base, email, password);
    return who;
  }

  it('the server answers each language\'s address with <html lang dir> and hreflang alternates, before any script runs', async () => {
    const page = await t.http.get(`/ar/pledges/${f.b.reference}`).expect(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
    expect(page.text).toMatch(new RegExp(`<link rel="alternate" hreflang="zh" href="https?://[^"/]+/zh/pledges/${f.b.reference}" data-alternate />`));
    expect(page.text).toMatch(new RegExp(`<link rel="alternate" hreflang="x-default" href="https?://[^"/]+/pledges/${f.b.reference}" data-alternate />`));
    expect(page.headers.vary).toMatch(/Accept-Language/);
    expect((await t.http.get('/zh').expect(200)).text).toContain('<html lang="zh" dir="ltr">');
    expect((await t.http.get('/pledges').set('Accept-Language', 'es-ES,es;q=0.9').expect(302)).headers.location).toBe('/es/pledges');
    expect((await t.http.get('/en/map?layer=region').expect(301)).headers.location).toBe('/map?layer=region');
    expect((await t.http.get('/pledges').set('Accept-Language', 'en-GB').expect(200)).text).toContain('<html lang="en" dir="ltr">');
  });

  it('negotiates a first visit from Accept-Language, keeps the page when switching, remembers the choice', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: LAPTOP });
    const page = await context.newPage();
    await page.goto(`${base}/objectives/8`);
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/fr/objectives/8');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('fr');
    await expect(page.locator('.primary-nav a').first().textContent()).resolves.toBe('Engagements');
    // In-app links stay in French, and following one keeps the language.
    await page.locator('.primary-nav a', { hasText: 'Pays' }).click();
    await page.waitForURL(`${base}/fr/countries`);
    await settled(page);
    await expect(page.locator('main h1').textContent()).resolves.toBe('États Membres et États observateurs');
    // The switcher opens the same page in Arabic, right to left.
    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(`${base}/ar/countries`);
    await settled(page);
    await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['ar', 'rtl']);
    await expect(page.locator('main h1').textContent()).resolves.toBe('الدول الأعضاء والدول المراقبة');
    // A CLDR country name in Arabic (Intl.DisplayNames), not the catalogue's English.
    await expect(page.locator('main').innerText()).resolves.toMatch(/فرنسا/);
    // Remembered: the plain address now opens in Arabic, even though the browser asks for French.
    await page.goto(`${base}/map`);
    await page.waitForURL(`${base}/ar/map`);
    // Back to English by choice: the plain address stays English from then on.
    await settled(page);
    await page.getByRole('navigation', { name: 'اللغة' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/map`);
    await settled(page);
    await page.goto(`${base}/pledges?q=rescue`);
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/pledges');
    await expect(page.locator('main h1').textContent()).resolves.toBe('Pledges');
    // The switcher keeps the query too.
    await expect(page.getByRole('link', { name: '中文' }).getAttribute('href')).resolves.toBe('/zh/pledges?q=rescue');
    await context.close();
  }, 120_000);

  it('sends Accept-Language with every API call and shows the language\'s numbers and dates', async () => {
    const who = await person(browser, 'i18n-api', LAPTOP);
    const sent: string[] = [];
    who.page.on('request', (r) => r.url().includes('/api/v1/') && sent.push(r.headers()['accept-language'] ?? '(none)'));
    await who.page.goto(`${base}/ru/pledges/${f.b.reference}`);
    await settled(who.page);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set(['ru']));
    const text = await who.page.locator('main').innerText();
    expect(text).toMatch(/Обязательство GCM-P-/i);
    expect(text).toMatch(/\d{4} г\./); // a Russian medium date
    await who.close();
  }, 60_000);

  it('Arabic isolates Latin references, mirrors the charts and keeps the direction-implying arrows pointing the reading way', async () => {
    const who = await person(browser, 'i18n-rtl', LAPTOP);
    await who.page.goto(`${base}/ar/pledges/${f.b.reference}`);
    await settled(who.page);
    const kicker = await who.page.locator('main .kicker').first().textContent();
    expect(kicker).toBe(`التعهد \u2068${f.b.reference}\u2069`);
    await who.page.goto(`${base}/ar/objectives/8`);
    await settled(who.page);
    const arrow = await who.page.locator('.pager .dir-icon').first().evaluate((el) => getComputedStyle(el).transform);
    expect(arrow).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    await who.page.goto(`${base}/ar`);
    await settled(who.page);
    // Chart.js draws on a canvas: its direction is read from the page (rtl), which reverses the category axis.
    await expect(who.page.locator('canvas').first().evaluate((c) => getComputedStyle(c).direction)).resolves.toBe('rtl');
    await who.close();
  }, 60_000);

  it('shows the shipped commitments, SG recommendations and short labels in the page\'s language, with their lang and the unofficial label', async () => {
    const who = await person(browser, 'i18n-catalogue', LAPTOP);
    await who.page.goto(`${base}/ru/themes/T2`);
    await settled(who.page);
    const c4 = who.page.locator('li#T2\\.C4 > p');
    await expect(c4.getAttribute('lang')).resolves.toBe('ru');
    await expect(c4.textContent()).resolves.toMatch(/^Обмениваться данными о \(незаконной\) миграции/);
    await expect(who.page.getByText('Неофициальный перевод: официальный текст ООН еще не загружен.').isVisible()).resolves.toBe(true);
    await who.page.goto(`${base}/es/recommendations`);
    await settled(who.page);
    await expect(who.page.locator('#rec-102 a').textContent()).resolves.toBe('Garantizar el cumplimiento de la obligación de no devolución en las fronteras');
    await who.page.goto(`${base}/zh/objectives/13`);
    await settled(who.page);
    await expect(who.page.locator('.page-header .lead span').textContent()).resolves.toBe('拘留替代办法');
    // English is the source: no lang override, no unofficial label.
    await who.page.goto(`${base}/themes/T2`);
    await settled(who.page);
    await expect(who.page.locator('li#T2\\.C4 > p').getAttribute('lang')).resolves.toBeNull();
    await expect(who.page.getByText('Unofficial translation', { exact: false }).count()).resolves.toBe(0);
    await who.close();
  }, 60_000);

  it('a form in Arabic shows the server\'s field errors in Arabic', async () => {
    const focal = await signedIn(LAPTOP, f.ken.user.email, f.ken.password, 'i18n-form');
    await focal.page.goto(`${base}/ar/workspace/pledges/new`);
    await settled(focal.page);
    await focal.page.getByRole('button', { name: 'حفظ المسودة' }).click();
    await focal.page.locator('.error-summary, [role="alert"]').first().waitFor();
    const summary = await focal.page.locator('.error-summary, [role="alert"]').first().innerText();
    expect(summary).toMatch(/توجد مشكلة|املأ هذا الحقل|استخدم/);
    expect(summary).not.toMatch(/Fill this in|Use at least/);
    await focal.close();
  }, 60_000);

});
