import type { Browser } from 'playwright-core';
import { launchBrowser, person } from '../helpers/browser-person';
import { buildDashboardFixture } from '../helpers/dashboard-fixture';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Issue 16 item 7: a report figure's link opens the public pledge page on the
 * figure's population, and the page says what it lists ("Pledges that reported
 * a validated update in 2026-H1: 1"), with the count the API gives. English and
 * right-to-left Arabic, 390 and 1366 px, no sideways scroll, no serious axe
 * violation, no console error.
 */
describe('the pledge page lists and names a report figure\'s population (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    await buildDashboardFixture(t);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // 2026-H1 in the dashboard fixture: A validated, B submitted, C nothing; A and C on objective 8.
  const CASES = [
    { query: 'cycle=2026-H1&reported=validated', total: 1, en: 'Pledges that reported a validated update in 2026-H1: 1', ar: 'تحديث معتمد' },
    { query: 'cycle=2026-H1&reported=owed&objective=8', total: 2, en: 'Pledges that owed an update in 2026-H1: 2', ar: 'كان مطلوبًا', facet: { en: 'On objective 8', ar: 'بشأن الهدف' } },
    { query: 'cycle=2026-H1&reported=not-reported', total: 1, en: 'Pledges that owed an update in 2026-H1 and reported none: 1', ar: 'ولم يُقدَّم' },
    // The updates a report counts (submitted or validated), narrowed as a round-table note narrows them: A on objective 8 (B is not on it).
    {
      query: 'cycle=2026-H1&reported=counted&objective=8&roundTable=RT2', total: 1,
      en: 'Pledges that reported an update (submitted or validated) in 2026-H1: 1', ar: 'مقدَّم أو معتمد',
      facet: { en: 'On the objectives of round table RT2', ar: 'المائدة المستديرة' },
    },
  ];

  for (const lang of ['en', 'ar'] as const) {
    for (const viewport of [PHONE, LAPTOP]) {
      it(`says what a figure link lists, with the API's count (${lang}, ${viewport.width} px)`, async () => {
        const who = await person(browser, `population-${lang}-${viewport.width}`, viewport);
        for (const c of CASES) {
          expect((await t.http.get(`/api/v1/pledges?${c.query}`).expect(200)).body.total).toBe(c.total);
          await who.page.goto(`${base}${lang === 'ar' ? '/ar' : ''}/pledges?${c.query}`);
          await settled(who.page);
          const heading = who.page.locator('.population h2');
          await heading.waitFor();
          const text = (await heading.textContent())!.replace(/[\u2066-\u2069]/g, '');
          if (lang === 'en') expect(text).toBe(c.en);
          else {
            expect(text).toContain(c.ar);
            expect(text).toContain('2026-H1');
            expect(text).toContain(new Intl.NumberFormat('ar').format(c.total));
          }
          if (c.facet) expect((await who.page.locator('.population li').allTextContents()).join(' ')).toContain(c.facet[lang]);
          expect(await who.page.locator('.result-list > li.result').count()).toBe(c.total);
          expect(await who.page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          const { overflow, violations } = await auditPage(who.page);
          expect({ query: c.query, overflow, violations, errors: who.errors }).toEqual({ query: c.query, overflow: 0, violations: [], errors: [] });
        }
        await who.close();
      }, 180_000);
    }
  }
});
