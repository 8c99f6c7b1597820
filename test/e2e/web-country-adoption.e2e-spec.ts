import type { Browser } from 'playwright-core';
import { EARLIER, LATER, twoCyclesDataset } from '../../libs/reports/src/testing/two-cycles.fixture';
import { launchBrowser, person } from '../helpers/browser-person';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { seedReportDataset } from '../support/report-dataset.seeder';

/**
 * The country page's "progressive adoption across the five themes" (issue 16
 * item 10) over the two-cycle fixture: State D addresses all five themes and
 * 16 of the 30 commitments in 2026-H1 only. In English and in right-to-left
 * Arabic, at a 390 px phone and a 1366 px laptop: the figures, no sideways
 * scroll, no serious axe violation, no console error.
 */
describe('country page: progressive adoption across the five themes (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const data = twoCyclesDataset();
  const alpha3 = data.organisations[3].countryAlpha3!;

  beforeAll(async () => {
    t = await createTestApp();
    await seedReportDataset(t.dataSource, data);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const [lang, prefix, yes, no] of [['en', '', 'Yes', 'No'], ['ar', '/ar', 'نعم', 'لا']] as const) {
    for (const viewport of [PHONE, LAPTOP]) {
      it(`shows the themes and commitments cycle by cycle (${lang}, ${viewport.width} px)`, async () => {
        const who = await person(browser, `adoption-${lang}-${viewport.width}`, viewport);
        await who.page.goto(`${base}${prefix}/countries/${alpha3}`);
        await settled(who.page);
        const section = who.page.locator('section[aria-labelledby="country-adoption"]');
        await section.locator('tbody tr').first().waitFor();
        const rows = await section.locator('tbody tr').evaluateAll((trs) =>
          trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())));
        const byCycle = Object.fromEntries(rows.map((r) => [r[0], r]));
        expect(byCycle[EARLIER.code][1]).toBe('T4');
        expect(byCycle[EARLIER.code][6]).toBe(no);
        expect(byCycle[LATER.code][1]).toBe('T1 T2 T3 T4 T5');
        expect(byCycle[LATER.code][6]).toBe(yes);
        expect(await who.page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        const { overflow, violations } = await auditPage(who.page);
        expect({ overflow, violations, errors: who.errors }).toEqual({ overflow: 0, violations: [], errors: [] });
        await who.close();
      }, 60_000);
    }
  }
});
