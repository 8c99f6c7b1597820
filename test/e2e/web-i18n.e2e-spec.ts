/// <reference lib="dom" />
// (page functions here run in the browser)
import type { Browser, Page } from 'playwright-core';
import { english, flatten } from '../../apps/web/src/i18n/source';
import ar from '../../apps/web/src/i18n/messages/ar.json';
import fr from '../../apps/web/src/i18n/messages/fr.json';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { buildDashboardFixture, type DashboardFixture } from '../helpers/dashboard-fixture';
import { signIn } from '../helpers/journey';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';

type Lang = 'ar' | 'zh' | 'fr';

/**
 * The web app in Arabic, Chinese and French (and English still as it was):
 * the language in the address, `<html lang dir>` from the server before any
 * script, Accept-Language on a first visit, the switcher keeping the page and
 * remembering the choice, Arabic laid out right to left, and on every public
 * page and workspace screen at 390 px and 1366 px: nothing wider than the
 * screen, no serious axe violation, no console error and no English interface
 * text left untranslated.
 */
describe('the web app in the six UN languages (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let f: DashboardFixture;
  let updateId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
    [{ id: updateId }] = await t.dataSource.query(`SELECT id FROM progress_update WHERE pledge_id = $1`, [f.b.id]);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const publicPaths = () => [
    '/', '/objectives', '/objectives/8', '/themes', '/themes/T2', '/round-tables', '/round-tables/RT2', '/recommendations',
    '/recommendations/101', '/principles', '/countries', '/countries/FRA', '/map', '/pledges', `/pledges/${f.b.reference}`,
    `/pledges/${f.withdrawn.reference}`, '/coverage', '/open-data', '/reports', '/practices', '/practices/2.1.9', '/sign-in', '/forgot-password',
  ];
  const secretariatPaths = () => [
    '/workspace', '/workspace/review', `/workspace/review/updates/${updateId}`, `/workspace/pledges/${f.b.id}`, '/workspace/cycles',
    '/workspace/reports', '/workspace/organisations', `/workspace/organisations/${f.ngoId}`, '/workspace/users', '/workspace/users/invite',
    `/workspace/users/${f.fra.user.id}`, '/workspace/audit', '/workspace/framework', '/workspace/framework/recommendations/101',
    '/workspace/framework/objectives/8',
  ];
  const focalPaths = () => [
    '/workspace', '/workspace/organisation', '/workspace/pledges', '/workspace/pledges/new', `/workspace/pledges/${f.b.id}`,
    `/workspace/pledges/${f.b.id}/updates/2026-H1`, `/workspace/pledges/${f.b.id}/edit`,
  ];

  /**
   * English interface messages (from the catalogue, without arguments) that the
   * language translates differently, so finding one on a page means a string
   * was left out of the catalogue. Data (pledge titles, catalogue texts) is
   * English in the fixture and is not an interface message, so it does not count.
   */
  function untranslatedScanner(translated: Record<string, string>): string[] {
    return Object.entries(english)
      .filter(([key, text]) => !/[{}]/.test(text) && text.length > 3 && translated[key] !== text)
      .map(([, text]) => text);
  }
  const englishLeft = { fr: untranslatedScanner(flatten(fr)), ar: untranslatedScanner(flatten(ar)) } as Record<Lang, string[] | undefined>;

  async function leftInEnglish(page: Page, lang: Lang): Promise<string[]> {
    const texts = englishLeft[lang];
    if (!texts) return [];
    return page.evaluate((english) => {
      const set = new Set(english);
      const found = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim();
        if (set.has(text) && !(n.parentElement?.closest('[lang="en"], .languages, code'))) found.add(text);
      }
      for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
        for (const attr of ['aria-label', 'title', 'placeholder']) {
          const v = el.getAttribute(attr)?.trim();
          if (v && set.has(v)) found.add(v);
        }
      }
      if (set.has(document.title.split(' | ')[0])) found.add(document.title);
      return [...found];
    }, texts);
  }

  /** Visits each path in `lang`, returns one line per problem so a failure lists them all. */
  async function sweep(who: Person, lang: Lang, paths: string[]): Promise<string[]> {
    const problems: string[] = [];
    const width = who.page.viewportSize()?.width ?? 0;
    for (const path of paths) {
      who.errors.length = 0;
      await who.page.goto(`${base}/${lang}${path === '/' ? '' : path}`);
      const where = `/${lang}${path} @${width}`;
      try {
        await settled(who.page);
      } catch {
        problems.push(`${where}: never settled (${who.errors.join('; ')}): ${(await who.page.locator('body').innerText()).slice(0, 300)}`);
        continue;
      }
      const html = await who.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
      if (html.lang !== lang || html.dir !== (lang === 'ar' ? 'rtl' : 'ltr')) problems.push(`${where}: <html lang="${html.lang}" dir="${html.dir}">`);
      const { overflow, wide, violations } = await auditPage(who.page);
      if (overflow > 0) problems.push(`${where}: ${overflow}px wider than the screen (${wide.join(', ')})`);
      for (const v of violations) problems.push(`${where}: ${v}`);
      for (const e of who.errors) problems.push(`${where}: console: ${e}`);
      for (const s of await leftInEnglish(who.page, lang)) problems.push(`${where}: left in English: “${s}”`);
      if (lang === 'ar') {
        // Mirrored: the brand, first in the header, sits at the right end of the header bar; the main text starts at the right.
        const mirrored = await who.page.evaluate(() => {
          const brand = document.querySelector('.brand')?.getBoundingClientRect();
          const bar = document.querySelector('.site-header__bar')?.getBoundingClientRect();
          const h1 = document.querySelector('main h1') as HTMLElement;
          return { brandRight: brand && bar ? Math.round(bar.right - brand.right) : -1, h1Align: getComputedStyle(h1).direction };
        });
        if (mirrored.brandRight < 0 || mirrored.brandRight > 40) problems.push(`${where}: the brand is ${mirrored.brandRight}px from the header's right end`);
        if (mirrored.h1Align !== 'rtl') problems.push(`${where}: main text is ${mirrored.h1Align}`);
      }
    }
    return problems;
  }

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

  for (const [lang, viewport] of [['ar', PHONE], ['ar', LAPTOP], ['zh', PHONE], ['zh', LAPTOP], ['fr', LAPTOP], ['fr', PHONE]] as const) {
    it(`every public page in ${lang} at ${viewport.width} px: right lang and dir, fits, no serious axe violation, nothing left in English`, async () => {
      const who = await person(browser, `i18n-${lang}-${viewport.width}`, viewport);
      const problems = await sweep(who, lang, publicPaths());
      await who.close();
      expect(problems).toEqual([]);
    }, 600_000);
  }

  for (const [lang, viewport] of [['ar', PHONE], ['ar', LAPTOP], ['zh', PHONE], ['zh', LAPTOP], ['fr', LAPTOP]] as const) {
    it(`every workspace screen in ${lang} at ${viewport.width} px (secretariat and focal point)`, async () => {
      const sec = await signedIn(viewport, f.secretariat.user.email, f.secretariat.password, `i18n-ws-${lang}`);
      const problems = await sweep(sec, lang, secretariatPaths());
      await sec.close();
      const focal = await signedIn(viewport, f.ken.user.email, f.ken.password, `i18n-wsf-${lang}`);
      problems.push(...(await sweep(focal, lang, focalPaths())));
      await focal.close();
      expect(problems).toEqual([]);
    }, 600_000);
  }

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
