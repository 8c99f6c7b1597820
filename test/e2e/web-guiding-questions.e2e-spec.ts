/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { createUser, type CreatedUser } from '../helpers/auth';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/worker';

/** The secretariat edits RT2's guiding questions (seeded from seed 003) in the browser. */
describe('guiding-questions editor in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let me: Person;
  let sec: CreatedUser;
  const stored = async (objective: number) => ((await t.dataSource.query(
    `SELECT text FROM guiding_question WHERE round_table_code = 'RT2' AND objective_number = $1 ORDER BY position`, [objective])) as { text: string }[]).map((r) => r.text);

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
    me = await person(browser, 'guiding-questions', LAPTOP);
    me.page.setDefaultTimeout(60_000);
    await signIn(me.page, base, sec.user.email, sec.password);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds, edits, reorders and removes questions; each change is stored', async () => {
    const page = me.page;
    await page.goto(`${base}/workspace/framework`);
    await page.getByRole('link', { name: 'Edit the guiding questions of RT2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Guiding questions of RT2' }).waitFor();
    const before8 = await stored(8);
    expect(before8).toHaveLength(2);

    await page.getByLabel('Objective', { exact: true }).selectOption('8');
    await page.getByLabel('Question', { exact: true }).fill('How can search and rescue be coordinated across borders?');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByText('How can search and rescue be coordinated across borders?').waitFor();
    expect(await stored(8)).toEqual([...before8, 'How can search and rescue be coordinated across borders?']);

    await page.getByRole('button', { name: 'Move up Objective 8, question 3' }).click();
    const moved = [before8[0], 'How can search and rescue be coordinated across borders?', before8[1]];
    await waitFor(async () => (JSON.stringify(await stored(8)) === JSON.stringify(moved) ? true : null), 'the new order stored');
    await page.waitForFunction((second) => document.querySelectorAll('#gq-o8 ~ ol > li')[1]?.textContent?.includes(second), moved[1]);

    await page.getByRole('button', { name: 'Edit Objective 8, question 2' }).click();
    await page.getByLabel('Objective 8, question 2').fill('How can rescue at sea be coordinated across borders?');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('How can rescue at sea be coordinated across borders?').waitFor();
    expect((await stored(8))[1]).toBe('How can rescue at sea be coordinated across borders?');

    await page.getByRole('button', { name: 'Remove Objective 8, question 2' }).click();
    await page.getByText('Question removed.').waitFor({ state: 'attached' });
    expect(await stored(8)).toEqual(before8);

    // Over the length cap: the field says so and nothing is stored.
    await page.getByLabel('Question', { exact: true }).fill('x'.repeat(1001));
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.locator('.field--error .field__error').first().waitFor();
    expect(await stored(8)).toEqual(before8);
    // The refused add is the one 400 the browser logs.
    expect(me.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 180_000);

  it('works at 390 px and 1366 px, and in right-to-left Arabic, with no serious accessibility violation', async () => {
    for (const [path, viewport] of [['/workspace/framework/round-tables/RT2/questions', PHONE], ['/workspace/framework/round-tables/RT2/questions', LAPTOP],
      ['/ar/workspace/framework/round-tables/RT2/questions', PHONE]] as const) {
      await me.page.setViewportSize(viewport);
      await me.page.goto(`${base}${path}`);
      await me.page.locator('h1').waitFor();
      await settled(me.page);
      const dir = await me.page.evaluate(() => document.documentElement.dir);
      expect(dir).toBe(path.startsWith('/ar') ? 'rtl' : 'ltr');
      if (path.startsWith('/ar')) await me.page.getByRole('heading', { level: 1, name: /^الأسئلة التوجيهية لـ/ }).waitFor();
      const { overflow, violations } = await auditPage(me.page);
      expect({ path, width: viewport.width, overflow, violations }).toEqual({ path, width: viewport.width, overflow: 0, violations: [] });
      await me.shot(`${path.startsWith('/ar') ? 'ar-' : ''}${viewport.width}`);
    }
  }, 240_000);
});
