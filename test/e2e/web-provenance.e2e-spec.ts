import type { Browser } from 'playwright-core';
import { launchBrowser, person } from '../helpers/browser-person';
import { buildDashboardFixture } from '../helpers/dashboard-fixture';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Issue 16 item 7 on the public dashboard pages: each shows "Data as of …,
 * snapshot …" with the snapshot the stats API computed its figures from, the
 * date in the reader's locale. English and right-to-left Arabic, 390 and 1366 px,
 * no sideways scroll, no serious axe violation, no console error.
 */
describe('dashboard pages show the data-as-of time and snapshot id (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let snapshot: { dataAsOf: string; snapshotId: string };

  beforeAll(async () => {
    t = await createTestApp();
    await buildDashboardFixture(t);
    snapshot = (await t.http.get('/api/v1/stats/headline').expect(200)).body.provenance;
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const PAGES = ['/', '/map', '/coverage', '/objectives/8', '/countries/FRA', '/open-data'];

  for (const [lang, prefix, words] of [['en', '', 'Data as of'], ['ar', '/ar', 'البيانات في']] as const) {
    for (const viewport of [PHONE, LAPTOP]) {
      it(`every dashboard page names the snapshot (${lang}, ${viewport.width} px)`, async () => {
        const who = await person(browser, `provenance-${lang}-${viewport.width}`, viewport);
        for (const path of PAGES) {
          await who.page.goto(`${base}${prefix}${path}`);
          await settled(who.page);
          // The interface's Intl locale for the language (INTL_LOCALE in apps/web/src/i18n: British English).
          const locale = lang === 'en' ? 'en-GB' : 'ar';
          const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(snapshot.dataAsOf));
          const lines = who.page.locator('.data-as-of');
          await lines.first().waitFor();
          for (const text of await lines.allTextContents()) {
            expect(text).toContain(words);
            expect(text).toContain(snapshot.snapshotId);
            // Dates are locale-formatted: the day as Intl writes it in the page's language, never the ISO string.
            expect(text).toContain(date);
            expect(text).not.toContain(snapshot.dataAsOf);
          }
          expect(await who.page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          const { overflow, violations } = await auditPage(who.page);
          expect({ path, overflow, violations, errors: who.errors }).toEqual({ path, overflow: 0, violations: [], errors: [] });
        }
        await who.close();
      }, 180_000);
    }
  }
});
