/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { handMadeSummary } from '../../libs/reports/src/testing/rendered.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { openCycle } from '../helpers/pledges';
import { insertBuiltVersion } from '../helpers/reports';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The secretariat writes a version's introduction and commentary in the
 * browser, meets a colleague's save (409), previews and publishes; the
 * screen works at 390 and 1366 px and in Arabic with no serious axe violation.
 */
describe('report editorial screen in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let me: Person;
  let sec: CreatedUser;
  let versionId: string;
  const model = handMadeSummary();
  const page = () => me.page;
  const stored = async () => (await t.dataSource.query('SELECT version, introduction, commentary FROM report_editorial WHERE version_id = $1', [versionId]))[0];

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    await openCycle(t, sec, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    versionId = await insertBuiltVersion(t, model, '2026-H1', 'c');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
    me = await person(browser, 'report-editorial', LAPTOP);
    me.page.setDefaultTimeout(30_000);
    await signIn(me.page, base, sec.user.email, sec.password);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('reaches the screen from the versions to publish, saves sanitised text as a revision, and reports a colleague\'s save', async () => {
    await page().goto(`${base}/workspace/reports`);
    await page().getByRole('link', { name: `Introduction and commentary of ${model.title}` }).click();
    await page().getByRole('heading', { level: 1, name: `Editorial text: ${model.title}` }).waitFor();
    await page().getByRole('heading', { level: 2, name: 'Nothing saved yet.' }).waitFor();
    await page().locator('#editorial-introduction').fill('<h2>Why this note</h2><p>Read with care<script>alert(1)</script> <a href="javascript:alert(2)">here</a>.</p>');
    await page().getByLabel(`Commentary on “${model.sections[0].title}”`, { exact: false }).fill('<p>The headline figures.</p>');
    await page().getByRole('button', { name: 'Save a revision' }).click();
    await page().getByText('Revision 1 is saved.').waitFor();
    await page().getByRole('heading', { level: 2, name: 'Revision 1' }).waitFor();
    expect(await stored()).toEqual({
      version: 1,
      introduction: '<h3>Why this note</h3><p>Read with care <a>here</a>.</p>',
      commentary: [{ sectionId: model.sections[0].id, html: '<p>The headline figures.</p>' }],
    });

    // A colleague saves revision 2 meanwhile: this page still holds revision 1 and is told so.
    await t.http.put(`/api/v1/reports/versions/${versionId}/editorial`).set(bearer(sec.accessToken)).set('If-Match', '1')
      .send({ introduction: '<p>Colleague</p>', commentary: [] }).expect(200);
    await page().locator('#editorial-introduction').fill('<p>Mine</p>');
    await page().getByRole('button', { name: 'Save a revision' }).click();
    await page().getByText(/changed by someone else \(now at version 2\)/).waitFor();
    expect((await stored()).introduction).toBe('<p>Colleague</p>');
    expect(me.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it('works at 390 px and 1366 px, and right to left in Arabic, with no serious accessibility violation', async () => {
    for (const [path, viewport] of [[`/workspace/reports/versions/${versionId}/editorial`, PHONE], [`/workspace/reports/versions/${versionId}/editorial`, LAPTOP], [`/ar/workspace/reports/versions/${versionId}/editorial`, PHONE]] as const) {
      await page().setViewportSize(viewport);
      await page().goto(`${base}${path}`);
      await page().getByRole('heading', { level: 1 }).waitFor();
      await page().locator('textarea').first().waitFor();
      await settled(page());
      const { overflow, violations } = await auditPage(page());
      expect({ path, width: viewport.width, overflow, violations }).toEqual({ path, width: viewport.width, overflow: 0, violations: [] });
      await me.shot(`${path.startsWith('/ar') ? 'ar-' : ''}${viewport.width}`);
    }
    expect(await page().evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await page().getByRole('heading', { level: 1, name: /^النص التحريري: / }).waitFor();
  });

  it('publishes with the saved revision, after which the text is frozen', async () => {
    await page().setViewportSize(LAPTOP);
    await page().goto(`${base}/workspace/reports/versions/${versionId}/editorial`);
    await page().getByRole('button', { name: 'Publish this version' }).click();
    // Publishing renders all five formats again (PDF and XLSX in the render threads).
    await page().getByText('Published with revision 2.').waitFor({ timeout: 150_000 });
    await page().getByText('This version is published; its editorial text can no longer change.').waitFor();
    expect(await page().locator('textarea').count()).toBe(0);
    const [{ revision }] = await t.dataSource.query('SELECT editorial_revision AS revision FROM report_version WHERE id = $1', [versionId]);
    expect(revision).toBe(2);
    const html = await t.http.get(`/api/v1/reports/${versionId}/download.html`).expect(200);
    expect(html.text).toContain('<h2 id="introduction-h">Introduction</h2><p>Colleague</p>');
  }, 200_000);
});
