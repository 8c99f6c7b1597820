/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { BUNDLE_REPORT_FILE, type BundleReport } from '../../apps/web/build/first-visit';
import { bearer } from '../helpers/auth';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { workbenchFixture, type WorkbenchFixture } from '../helpers/workbench-fixture';

/** Chrome DevTools' "Regular 3G" preset: 300 ms latency, 750 kb/s down, 250 kb/s up. */
const REGULAR_3G = { offline: false, latency: 300, downloadThroughput: (750 * 1024) / 8, uploadThroughput: (250 * 1024) / 8 };

/**
 * A State's focal point with 12 pledges reports the whole cycle from the
 * workbench in a browser on a throttled 3G connection: 8 "no change" in one
 * action, 4 edited inline (saved as server drafts as they type, one while
 * the connection is down) and submitted.
 */
describe('cycle workbench in the browser, over 3G', () => {
  let t: TestApp;
  let f: WorkbenchFixture;
  let browser: Browser;
  let base: string;
  let me: Person;
  let cdp: CDPSession;

  beforeAll(async () => {
    t = await createTestApp();
    f = await workbenchFixture(t, 12, 'KEN');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
    me = await person(browser, 'workbench', LAPTOP);
    me.page.setDefaultTimeout(60_000);
    cdp = await me.context.newCDPSession(me.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', REGULAR_3G);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const states = async () =>
    (await t.dataSource.query(
      `SELECT p.reference, u.editorial_status AS state, u.no_change AS "noChange", u.percent_complete AS percent
       FROM pledge p JOIN progress_update u ON u.pledge_id = p.id JOIN reporting_cycle c ON c.id = u.cycle_id AND c.code = '2026-H2' ORDER BY p.reference`,
    )) as { reference: string; state: string; noChange: boolean; percent: number }[];

  it('reports 8 pledges as "no change" in one action and 4 inline, nothing lost while offline', async () => {
    const page = me.page;
    await signIn(page, base, f.focal.user.email, f.focal.password);
    await page.goto(`${base}/workspace/cycles/2026-H2`);
    await page.getByRole('heading', { level: 1, name: 'Report 2026-H2' }).waitFor();
    await page.getByText('12 pledges: 12 not started').waitFor();

    const edited = f.pledges.slice(8);
    for (const p of f.pledges.slice(0, 8)) await page.getByLabel(`Select ${p.reference} for "no change since last cycle"`).check();
    await page.getByRole('button', { name: 'No change since last cycle (8)' }).click();
    await page.getByText('8 pledges reconfirmed and submitted.').waitFor();
    await page.getByText('12 pledges: 4 not started, 0 in draft, 0 returned, 8 submitted').waitFor();
    expect((await states()).filter((s) => s.noChange && s.state === 'submitted')).toHaveLength(8);

    for (const [i, p] of edited.entries()) {
      const row = page.locator(`li[data-pledge="${p.reference}"]`);
      await row.getByLabel('Status').selectOption({ label: i === 3 ? 'Delayed' : 'On track' });
      await row.getByLabel('Percent').fill(String(40 + i));
      await row.getByLabel('People rescued (people)').fill(String(300 + i));
      if (i === 3) {
        // The connection drops while typing: the edit waits in the page and is saved when it returns.
        await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        await row.getByLabel('Percent').fill('47');
        await row.getByText('Not saved yet: offline, retrying').waitFor();
        await page.getByText('You are offline.').waitFor();
        expect((await states()).find((s) => s.reference === p.reference)?.percent ?? null).not.toBe(47);
        await cdp.send('Network.emulateNetworkConditions', REGULAR_3G);
      }
      await row.getByText('Saved as a draft').waitFor();
    }
    const drafts = (await states()).filter((s) => edited.some((p) => p.reference === s.reference));
    expect(drafts.map((d) => [d.state, d.percent])).toEqual([['draft', 40], ['draft', 41], ['draft', 42], ['draft', 47]]);

    for (const p of edited) {
      const row = page.locator(`li[data-pledge="${p.reference}"]`);
      await row.getByRole('button', { name: `Submit ${p.reference}` }).click();
      await row.getByText('Submitted for validation.').waitFor();
    }
    const all = await states();
    expect(all).toHaveLength(12);
    expect(all.every((s) => s.state === 'submitted')).toBe(true);
    const m = await t.dataSource.query(
      `SELECT m.value::float8 AS value FROM progress_measurement m JOIN progress_update u ON u.id = m.update_id JOIN pledge p ON p.id = u.pledge_id
       JOIN reporting_cycle c ON c.id = u.cycle_id AND c.code = '2026-H2' WHERE p.reference = $1 AND m.indicator_id = $2`,
      [edited[0].reference, edited[0].indicators[0]],
    );
    expect(m).toEqual([{ value: 300 }]);
    expect(me.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  it('shows a plausibility warning in the interface language, from its code and values; the API answers it in the request language', async () => {
    const p = f.pledges[8];
    // Last cycle (2026-H1) this pledge was at 28 %: 10 % now is a drop, worth a second look.
    await t.dataSource.query(
      `UPDATE progress_update u SET percent_complete = 10 FROM pledge p, reporting_cycle c
       WHERE p.id = u.pledge_id AND c.id = u.cycle_id AND c.code = '2026-H2' AND p.reference = $1`, [p.reference]);
    const api = await t.http.get('/api/v1/workspace/cycles/2026-H2?lang=ar').set(bearer(f.focal.accessToken)).expect(200);
    const warning = (api.body.rows as { reference: string; warnings: { code: string; message: string; values: object }[] }[])
      .find((r) => r.reference === p.reference)!.warnings.find((w) => w.code === 'percent_dropped');
    expect(warning).toEqual(expect.objectContaining({ values: { from: 28, to: 10 }, message: 'انخفضت نسبة الإنجاز من 28 % في الدورة السابقة إلى 10 %' }));

    await me.page.goto(`${base}/fr/workspace/cycles/2026-H2`);
    await me.page.getByRole('heading', { level: 1, name: 'Rendre compte du cycle 2026-H2' }).waitFor();
    const row = me.page.locator(`li[data-pledge="${p.reference}"]`);
    await row.getByText('À vérifier').waitFor();
    expect(await row.locator('li[data-code="percent_dropped"]').innerText()).toBe('Le pourcentage d’achèvement est passé de 28 % au dernier cycle à 10 %');
  });

  it('downloads on a first visit (empty cache, 3G) exactly the scripts the build counts against the budget, in English, French and Russian', async () => {
    const report = JSON.parse(readFileSync(join(__dirname, '../../apps/web/dist', BUNDLE_REPORT_FILE), 'utf8')) as BundleReport;
    const who = await person(browser, 'workbench-first-visit', PHONE);
    try {
      who.page.setDefaultTimeout(60_000);
      await signIn(who.page, base, f.focal.user.email, f.focal.password);
      await who.page.waitForLoadState('networkidle');
      const session = await who.context.newCDPSession(who.page);
      await session.send('Network.enable');
      await session.send('Network.emulateNetworkConditions', REGULAR_3G);
      for (const [lang, heading] of [['en', 'Report 2026-H2'], ['fr', 'Rendre compte du cycle 2026-H2'], ['ru', /2026-H2/]] as const) {
        // Off the previous page first, so none of its late responses is counted; then an empty cache.
        await who.page.goto('about:blank');
        await session.send('Network.clearBrowserCache');
        const scripts: string[] = [];
        const onResponse = (r: { url(): string }) => {
          const m = /\/(assets\/[^/?#]+\.js)$/.exec(r.url());
          if (m) scripts.push(m[1]);
        };
        who.page.on('response', onResponse);
        await who.page.goto(`${base}${lang === 'en' ? '' : `/${lang}`}/workspace/cycles/2026-H2`);
        await who.page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await who.page.locator('li.wb-row').first().waitFor();
        await who.page.waitForLoadState('networkidle');
        who.page.off('response', onResponse);
        expect({ lang, scripts: [...new Set(scripts)].sort() }).toEqual({ lang, scripts: report.workbench[lang].files });
        expect(report.workbench[lang].js).toBeLessThanOrEqual(report.budget);
      }
      expect(who.errors).toEqual([]);
    } finally {
      await who.close();
    }
  });

  it('works at 390 px and 1366 px with no serious accessibility violation', async () => {
    for (const viewport of [PHONE, LAPTOP]) {
      await me.page.setViewportSize(viewport);
      await me.page.goto(`${base}/workspace/cycles/2026-H2`);
      await me.page.getByRole('heading', { level: 1, name: 'Report 2026-H2' }).waitFor();
      await settled(me.page);
      const { overflow, violations } = await auditPage(me.page);
      expect({ width: viewport.width, overflow, violations }).toEqual({ width: viewport.width, overflow: 0, violations: [] });
      await me.shot(`${viewport.width}`);
    }
  });
});
