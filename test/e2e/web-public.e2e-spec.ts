import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, DIST, launchBrowser } from '../helpers/browser-person';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The public web pages in a real browser (Debian's Chromium driven by
 * playwright-core) against the real API serving the built front end.
 */
describe('public web front end', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + path);
    await page.locator('main h1').first().waitFor();
    return page;
  }

  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(ARTIFACTS, `web-${name}.png`), fullPage });

  it('home shows the headline figures at zero and says no pledge is published yet, without a console error', async () => {
    const page = await open('/');
    await page.locator('.figure__value').first().waitFor();
    await expect(page.locator('.figure__value').first().textContent()).resolves.toBe('0');
    await expect(page.locator('main .notice').textContent()).resolves.toMatch(/No pledge has been published yet/);
    await expect(page.locator('canvas[data-chart]').count()).resolves.toBe(0);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await shot(page, 'home-empty');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('objective 8 shows its official title, round table RT2 and the practices quoting it', async () => {
    const page = await open('/objectives/8');
    await expect(page.locator('main h1').textContent()).resolves.toBe(
      'Save lives and establish coordinated international efforts on missing migrants',
    );
    await expect(page.locator('.facts a[href="/round-tables/RT2"]').textContent()).resolves.toBe('RT2');
    await expect(page.locator('a[href="/practices/1.1.3"]').count()).resolves.toBe(1);
    await expect(page.title()).resolves.toContain('Save lives');
    await shot(page, 'objective-8');
    await page.locator('a[href="/round-tables/RT2"]').first().click();
    await page.waitForURL(`${base}/round-tables/RT2`);
    await page.locator('main h1', { hasText: 'IMRF 2022 round table 2' }).waitFor();
    await expect(page.locator('main a[href="/objectives/8"]').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('practices search for "Venezuelan" finds practice 2.1.9 and opens its card without a private contact', async () => {
    const page = await open('/practices');
    await page.getByLabel('Search the practices').fill('Venezuelan');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/practices\?q=Venezuelan$/);
    const hit = page.locator('.result a[href="/practices/2.1.9"]');
    await hit.waitFor();
    await expect(page.locator('.results-count').textContent()).resolves.toMatch(/^\d+ practices?, showing 1–\d+\.$/);
    await shot(page, 'practices-search');
    await hit.click();
    await page.waitForURL(`${base}/practices/2.1.9`);
    await page.locator('main h1', { hasText: 'TEMPORARY PROTECTION FOR VENEZUELAN MIGRANTS' }).waitFor();
    await expect(page.locator('#practice-contact').count()).resolves.toBe(0);
    await expect(page.locator('.facts').textContent()).resolves.toContain('Government of Colombia');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('practices filters narrow the list and live in the URL; paging keeps reading at the results', async () => {
    const page = await open('/practices');
    await page.locator('.result').first().waitFor();
    await page.locator('.pager a[rel="next"]').click();
    await page.waitForURL(/\/practices\?page=2$/);
    await page.locator('.results-count', { hasText: /, showing 21–40\.$/ }).waitFor();
    await expect(page.locator('#results:focus').count()).resolves.toBe(1);
    const { total } = (await t.http.get('/api/v1/practices?objective=8')).body as { total: number };
    expect(total).toBeGreaterThan(0);
    await page.getByLabel('GCM objective').selectOption('8');
    await page.waitForURL(/\/practices\?objective=8$/);
    await page.locator('.results-count', { hasText: new RegExp(`^${total} practices, showing 1–${Math.min(total, 20)}\\.$`) }).waitFor();
    await expect(page.getByLabel('GCM objective').inputValue()).resolves.toBe('8');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the world map draws the States as shapes coloured by region, and a shape opens its country', async () => {
    const page = await open('/map?layer=region');
    const shapes = page.locator('svg.world-map path[data-m49]');
    await shapes.first().waitFor();
    expect(await shapes.count()).toBeGreaterThanOrEqual(150);
    const fills = new Set(await shapes.evaluateAll((ps) => ps.map((p) => p.getAttribute('fill'))));
    expect(fills.size).toBe(6); // five M49 regions and "other areas"
    await expect(page.locator('.legend li').allTextContents()).resolves.toEqual([
      'Africa',
      'Americas',
      'Asia',
      'Europe',
      'Oceania',
      'Other areas',
    ]);
    await shot(page, 'map');
    await page.locator('svg.world-map path[data-m49="076"]').click();
    await page.waitForURL(`${base}/countries/BRA`);
    await page.locator('main h1', { hasText: 'Brazil' }).waitFor();
    await expect(page.locator('.facts').textContent()).resolves.toContain('South America');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await open('/themes');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused.textContent()).resolves.toBe('Skip to main content');
    await expect(focused.getAttribute('href')).resolves.toBe('#main');
    const box = await focused.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect(page.locator('#main:focus').count()).resolves.toBe(1);
    await page.keyboard.press('Tab');
    await expect(page.locator('main :focus').count()).resolves.toBe(1);
    await page.close();
  });

  it('on a phone the navigation folds into a menu button', async () => {
    const page = await open('/', { width: 390, height: 844 });
    const nav = page.locator('#primary-nav');
    await expect(nav.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(nav.isVisible()).resolves.toBe(true);
    await shot(page, 'phone-menu', false);
    await nav.getByRole('link', { name: 'Countries' }).click();
    await page.waitForURL(`${base}/countries`);
    await expect(nav.isVisible()).resolves.toBe(false);
    const states = page.locator('main tbody tr:not(.table__group)');
    await states.nth(194).waitFor();
    await expect(states.count()).resolves.toBe(195);
    // Grouped by region, as the page's lead says: one headed section (and table) per UN M49 region.
    await expect(page.locator('main section[data-region]').evaluateAll((els) => els.map((e) => e.getAttribute('data-region')))).resolves.toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    await shot(page, 'phone-countries', false);
    await page.close();
  });

  it('an unknown objective shows "Page not found"', async () => {
    const page = await open('/objectives/99');
    await expect(page.locator('main h1').textContent()).resolves.toBe('Page not found');
    await page.close();
  });

  it('serves hashed assets for a year, index.html revalidated, page paths as the app, API paths as the API', async () => {
    const js = readdirSync(join(DIST, 'assets')).find((f) => /^index-.*\.js$/.test(f));
    const asset = await t.http.get(`/assets/${js}`).set('Accept-Encoding', 'br');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const path of ['/', '/objectives/8', '/practices/2.1.9']) {
      const page = await t.http.get(path);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.text).toContain('<div id="app">');
    }
    const api = await t.http.get('/api/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.body.statusCode).toBe(404);
    expect((await t.http.get('/assets/no-such-file.js')).status).toBe(404);
    expect((await t.http.get('/api/v1/framework/objectives/8')).body.roundTable).toBe('RT2');
  });
});
