/// <reference lib="dom" />
// (page functions here run in the browser)
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ReminderLinksService } from '@gcm/notifications';
import { bearer } from '../helpers/auth';
import { ARTIFACTS, launchBrowser, person, type Person } from '../helpers/browser-person';
import { buildDashboardFixture, type DashboardFixture } from '../helpers/dashboard-fixture';
import { signIn } from '../helpers/journey';
import { openCycle } from '../helpers/pledges';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Every public page and every workspace screen (secretariat and focal point,
 * signed in) at a 390 px phone and a 1366 px laptop, over a realistic data set:
 * nothing wider than the screen, no serious or critical axe violation, no
 * console error. The phone workspace is photographed into test-artifacts/.
 */
describe('every page on a phone and a laptop (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let f: DashboardFixture;
  let updateId: string;
  let reference: string;
  let noChangePath: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
    // A's unpublished revision goes to review: the secretariat's diff then has a title, a country, an objective,
    // an edited and an added indicator.
    const working = await t.http.get(`/api/v1/pledges/${f.a.id}`).set(bearer(f.fra.accessToken)).expect(200);
    const [rescued] = working.body.indicators;
    const revised = await t.http
      .patch(`/api/v1/pledges/${f.a.id}`)
      .set(bearer(f.fra.accessToken))
      .set('If-Match', `"${working.body.version}"`)
      .send({
        scope: { countries: ['FRA', 'ITA', 'ESP'], regions: ['039'] },
        alignment: { objectives: [{ number: 8, primary: true }, { number: 5 }, { number: 23 }], principles: ['a'], recommendations: [101], commitments: [] },
        indicators: [
          { ...rescued, target: { value: 650, date: rescued.target.date } },
          { name: 'Boats equipped', unit: 'boats', direction: 'increase', baseline: { value: 0, date: '2025-12-31' }, target: { value: 12, date: '2027-06-30' }, sdgIndicator: null },
        ],
      });
    if (revised.status !== 200) throw new Error(`revise: ${revised.status} ${JSON.stringify(revised.body)}`);
    const submitted = await t.http.post(`/api/v1/pledges/${f.a.id}/submit`).set(bearer(f.fra.accessToken)).send({});
    if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    [{ id: updateId }] = await t.dataSource.query(`SELECT id FROM progress_update WHERE pledge_id = $1`, [f.b.id]);
    [{ reference }] = await t.dataSource.query('SELECT reference FROM pledge WHERE id = $1', [f.a.id]);
    // A later open cycle: France asks for more time in it, and a reminder's "no change" link would reconfirm A's 2026-H1 update.
    const h2 = await openCycle(t, f.secretariat, { code: '2026-H2', periodStart: '2026-07-01', periodEnd: '2026-12-31', deadline: '2099-12-31' });
    await t.http.post('/api/v1/cycles/2026-H2/extensions').set(bearer(f.fra.accessToken)).send({ reason: 'Our statistics office moves offices in January' }).expect(201);
    const links = await t.dataSource.transaction((m) => t.app.get(ReminderLinksService).issue(m, null, f.fra.user.id, h2.id, [f.a.id]));
    const link = new URL(links.get(f.a.id)!.noChange);
    noChangePath = link.pathname + link.hash;
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Visits each path, returns one line per problem so a failure lists them all. */
  async function sweep(who: Person, paths: string[], shotPrefix?: string): Promise<string[]> {
    const problems: string[] = [];
    const width = who.page.viewportSize()?.width;
    for (const path of paths) {
      who.errors.length = 0;
      await who.page.goto(base + path);
      await settled(who.page);
      const { overflow, wide, hiddenScrollers, violations } = await auditPage(who.page);
      for (const box of hiddenScrollers) problems.push(`${path} @${width}: ${box} scrolls sideways unannounced`);
      if (overflow > 0) problems.push(`${path} @${width}: ${overflow}px wider than the screen (${wide.join(', ')})`);
      for (const v of violations) problems.push(`${path} @${width}: ${v}`);
      for (const e of who.errors) problems.push(`${path} @${width}: console: ${e}`);
      if (shotPrefix) {
        const name = path.replace(/^\/workspace\/?/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'id').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
        await who.page.screenshot({ path: join(ARTIFACTS, `${shotPrefix}-${name}.png`), fullPage: true });
      }
    }
    return problems;
  }

  const publicPaths = () => [
    '/',
    '/objectives',
    '/objectives/8',
    '/themes',
    '/themes/T2',
    '/round-tables',
    '/round-tables/RT2',
    '/recommendations',
    '/recommendations/101',
    '/principles',
    '/countries',
    '/countries/FRA',
    '/map',
    '/pledges',
    `/pledges/${f.b.reference}`,
    `/pledges/${reference}`,
    '/coverage',
    '/open-data',
    '/reports',
    '/practices',
    '/practices?q=migrant',
    '/practices/2.1.9',
    '/sign-in',
    '/forgot-password',
    noChangePath,
  ];

  const secretariatPaths = () => [
    '/workspace',
    '/workspace/review',
    `/workspace/review/pledges/${f.a.id}`,
    `/workspace/review/updates/${updateId}`,
    `/workspace/pledges/${f.b.id}`,
    '/workspace/cycles',
    '/workspace/extensions',
    '/workspace/reports',
    '/workspace/queues',
    '/workspace/organisations',
    '/workspace/organisations/new',
    `/workspace/organisations/${f.ngoId}`,
    '/workspace/users',
    '/workspace/users/invite',
    `/workspace/users/${f.fra.user.id}`,
    '/workspace/audit',
    '/workspace/sso',
    '/workspace/sso/new',
    '/workspace/framework',
    '/workspace/framework/recommendations/new',
    '/workspace/framework/recommendations/101',
    '/workspace/framework/objectives/8',
  ];

  const focalPaths = () => [
    '/workspace',
    '/workspace/organisation',
    '/workspace/extensions',
    '/workspace/pledges',
    '/workspace/pledges/new',
    `/workspace/pledges/${f.b.id}`,
    `/workspace/pledges/${f.b.id}/updates/2026-H1`,
    '/workspace/cycles/2026-H1',
    '/workspace/pledges/' + f.b.id + '/edit',
  ];

  it('on a phone, the open cycle\'s Close button, the review queue\'s last column and users\' status are reachable', async () => {
    const sec = await person(browser, 'phone-reach', PHONE);
    await signIn(sec.page, base, f.secretariat.user.email, f.secretariat.password);
    await sec.page.goto(`${base}/workspace/cycles`);
    await settled(sec.page);
    const cycles = sec.page.getByRole('region', { name: 'Reporting cycles' });
    await expect(cycles.getAttribute('tabindex')).resolves.toBe('0');
    await cycles.focus();
    for (let i = 0; i < 30; i++) await sec.page.keyboard.press('ArrowRight');
    await expect(cycles.evaluate((el) => el.scrollLeft)).resolves.toBeGreaterThan(0);
    await sec.page.getByRole('button', { name: 'Close 2026-H1' }).click();
    await sec.page.getByRole('group', { name: /2026-H1/ }).waitFor();
    await sec.shot('cycles-close-confirm', false);

    await sec.page.goto(`${base}/workspace/review`);
    await settled(sec.page);
    const submitted = sec.page.getByRole('region', { name: /progress updates/i }).locator('tbody td').last();
    await submitted.scrollIntoViewIfNeeded();
    await expect(submitted.isVisible()).resolves.toBe(true);
    await expect(sec.page.locator('.table-scroll__hint').first().isVisible()).resolves.toBe(true);

    await sec.page.goto(`${base}/workspace/users`);
    await settled(sec.page);
    const status = sec.page.locator('tbody .tag').first();
    await status.scrollIntoViewIfNeeded();
    await expect(status.isVisible()).resolves.toBe(true);
    await expect(sec.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    await sec.close();
  }, 120_000);

  it('the review diff reads as words: field labels, indicator names, named countries and objectives, added items marked', async () => {
    const sec = await person(browser, 'phone-diff', LAPTOP);
    await signIn(sec.page, base, f.secretariat.user.email, f.secretariat.password);
    await sec.page.goto(`${base}/workspace/review/pledges/${f.a.id}`);
    await settled(sec.page);
    const diff = sec.page.locator('.table-wrap[role="region"][aria-label="What changed from version 1 to version 2"]');
    const row = (label: string | RegExp) => diff.locator('tbody tr', { has: sec.page.locator('th', { hasText: label }) });
    const cells = (label: string | RegExp) => row(label).locator('td').allInnerTexts();
    await expect(cells(/^Title$/)).resolves.toEqual(['Search and rescue coordination in the Mediterranean', f.secretTitles[2]]);
    const countries = await cells(/^Countries concerned$/);
    expect(countries[0]).not.toMatch(/Spain/);
    expect(countries[1]).toMatch(/France \(FRA\)/);
    await expect(row(/^Countries concerned$/).locator('.diff__item--added').allInnerTexts()).resolves.toEqual(['Spain (ESP) added']);
    await expect(cells(/^GCM objectives$/)).resolves.toEqual([
      expect.not.stringContaining('Objective 23'),
      expect.stringMatching(/Objective 23: Strengthen international cooperation.* added$/),
    ]);
    await expect(cells('Indicator “People rescued”: Target value')).resolves.toEqual(['500', '650']);
    await expect(cells('Indicator “Boats equipped” added')).resolves.toEqual(['—', expect.stringMatching(/^Boats equipped: 0 → 12 boats by 30 Jun 2027 added$/)]);
    const text = await diff.innerText();
    expect(text).not.toMatch(/indicators\[|\["|\{"|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await sec.shot('review-diff');
    expect(sec.errors).toEqual([]);
    await sec.close();
  }, 120_000);

  /** Layout shifts a first visitor sees, with the web font held back as on a slow line, so the fallback font paints first. */
  async function firstVisitShift(path: string, viewport: { width: number; height: number }): Promise<{ shift: number; moved: string[] }> {
    const visitor = await person(browser, 'phone-cls', viewport);
    await visitor.context.addInitScript(() => {
      const w = window as unknown as { shift: number; moved: string[] };
      w.shift = 0;
      w.moved = [];
      type Shift = { value: number; hadRecentInput: boolean; sources: { node?: Element }[] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as Shift[]) {
          if (e.hadRecentInput) continue;
          w.shift += e.value;
          for (const s of e.sources) if (s.node?.tagName) w.moved.push(`${s.node.tagName.toLowerCase()}.${Array.from(s.node.classList).join('.')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await visitor.context.route(/\.woff2?$/, async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await visitor.page.goto(base + path);
    await settled(visitor.page);
    await visitor.page.evaluate(() => document.fonts.ready);
    await visitor.page.waitForTimeout(500);
    const result = await visitor.page.evaluate(() => {
      const w = window as unknown as { shift: number; moved: string[] };
      return { shift: w.shift, moved: Array.from(new Set(w.moved)).slice(0, 5) };
    });
    await visitor.close();
    return result;
  }

  it('a first visit lays out once: cumulative layout shift below 0.1 while the web font arrives late', async () => {
    const shifted: string[] = [];
    for (const viewport of [LAPTOP, PHONE]) {
      for (const path of ['/', '/pledges', '/practices', '/objectives/8', '/open-data', '/countries/FRA']) {
        const { shift, moved } = await firstVisitShift(path, viewport);
        if (shift >= 0.1) shifted.push(`${path} @${viewport.width}: CLS ${shift.toFixed(3)} (${moved.join(', ')})`);
      }
    }
    expect(shifted).toEqual([]);
  }, 180_000);

  for (const [name, viewport] of [['phone', PHONE], ['laptop', LAPTOP]] as const) {
    it(`public pages at ${viewport.width}×${viewport.height}: no sideways scroll, no serious axe violation, no console error`, async () => {
      const visitor = await person(browser, `phone-public-${name}`, viewport);
      const problems = await sweep(visitor, publicPaths());
      await visitor.close();
      expect(problems).toEqual([]);
    }, 240_000);

    it(`secretariat workspace at ${viewport.width}×${viewport.height}`, async () => {
      const sec = await person(browser, 'phone', viewport);
      await signIn(sec.page, base, f.secretariat.user.email, f.secretariat.password);
      const problems = await sweep(sec, secretariatPaths(), name === 'phone' ? 'phone-secretariat' : undefined);
      await sec.close();
      expect(problems).toEqual([]);
    }, 240_000);

    it(`focal point workspace at ${viewport.width}×${viewport.height}`, async () => {
      const fp = await person(browser, 'phone', viewport);
      await signIn(fp.page, base, f.ken.user.email, f.ken.password);
      const problems = await sweep(fp, focalPaths(), name === 'phone' ? 'phone-focal' : undefined);
      await fp.close();
      expect(problems).toEqual([]);
    }, 240_000);
  }
});
