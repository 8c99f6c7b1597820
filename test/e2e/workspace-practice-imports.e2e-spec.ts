import type { Browser } from 'playwright-core';
import { createUser, type CreatedUser } from '../helpers/auth';
import { freePort, launchBrowser, person } from '../helpers/browser-person';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** The secretariat finds the practices import's warnings beside the framework catalogue (browser). */
describe('workspace: practices import warnings (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let secretariat: CreatedUser;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_URL: base } });
    await t.app.listen(port, '127.0.0.1');
    secretariat = await createUser(t, { role: 'secretariat' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens from the framework catalogue and names the misquoted objective and its session', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const sec = await person(browser, `ws-practice-imports-${viewport.width}`, viewport);
      await sec.page.goto(`${base}/sign-in?next=/workspace/framework`);
      await sec.page.getByLabel('E-mail address').fill(secretariat.user.email);
      await sec.page.getByLabel('Password', { exact: true }).fill(secretariat.password);
      await sec.page.getByRole('button', { name: 'Sign in' }).click();
      await sec.page.locator('main h1', { hasText: 'Framework catalogue' }).waitFor();
      await sec.page.getByRole('link', { name: 'Practices import warnings' }).click();
      await sec.page.waitForURL(`${base}/workspace/framework/imports`);
      await sec.page.locator('main h1', { hasText: 'Practices import warnings' }).waitFor();
      const row = sec.page.getByRole('row', { name: /Objective quoted under another title/ }).first();
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('Session 1.1, objective 4');
      await expect(row.textContent()).resolves.toContain('Enhance availability and flexibility of pathways for regular migration');
      await expect(sec.page.getByText('Imported by the system at start-up.').count()).resolves.toBe(1);
      await sec.shot('import-warnings');
      expect(sec.errors).toEqual([]);
      await sec.close();
    }
  });
});
