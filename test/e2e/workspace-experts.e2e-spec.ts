import type { Browser } from 'playwright-core';
import { createUser, type CreatedUser } from '../helpers/auth';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { createTestApp, type TestApp } from '../helpers/test-app';

const BODY = 'Rescue organisations in the central Mediterranean report prosecutions and vessel seizures that delay search and rescue.';

/**
 * An expert's challenge reports through the browser (file, edit, submit, read the secretariat's return note, see it
 * published; the secretariat returns and publishes it from its review page), and a session that does not spend a refresh token on every page load.
 */
describe('workspace: expert challenge reports (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let expert: CreatedUser;
  let sec: CreatedUser;
  let p: Person;
  const refreshes = async () =>
    (await t.dataSource.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'auth.refresh' AND actor_id = $1`, [expert.user.id]))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer() as { address(): { port: number } }).address().port}`;
    expert = await createUser(t, { role: 'expert' });
    sec = await createUser(t, { role: 'secretariat' });
    browser = await launchBrowser();
    p = await person(browser, 'ws-expert');
  });
  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await t?.close();
  });

  it('page loads reuse the access token while it lasts: no auth.refresh per page, one when it has expired', async () => {
    await signIn(p.page, base, expert.user.email, expert.password);
    const before = await refreshes();
    for (const path of ['/workspace', '/workspace/expert-reports', '/workspace', '/workspace/expert-reports/new']) {
      await p.page.goto(base + path);
      await p.page.locator('main h1').first().waitFor();
    }
    await p.page.locator('main h1', { hasText: 'File a challenge report' }).waitFor();
    expect(await refreshes()).toBe(before);
    // An access token about to expire is refreshed once, before the page asks for anything.
    // A string: this runs in the page, whose globals the test's TypeScript does not know.
    await p.page.evaluate(`sessionStorage.setItem('gcm.access',
      JSON.stringify({ ...JSON.parse(sessionStorage.getItem('gcm.access')), expiresAt: Date.now() - 1000 }))`);
    await p.page.goto(`${base}/workspace/expert-reports`);
    await p.page.locator('main h1', { hasText: 'My challenge reports' }).waitFor();
    await p.page.goto(`${base}/workspace`);
    await p.page.locator('main h1').first().waitFor();
    expect(await refreshes()).toBe(before + 1);
    expect(p.errors).toEqual([]);
  });

  it('an expert files, edits and submits a report, reads the return note, resubmits, and sees it published', async () => {
    const { page } = p;
    await page.goto(`${base}/workspace`);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'My challenge reports' }).click();
    await page.waitForURL(`${base}/workspace/expert-reports`);
    await page.getByText('You have not filed a challenge report yet.').waitFor();
    await page.getByRole('link', { name: 'File a challenge report' }).click();
    await page.waitForURL(`${base}/workspace/expert-reports/new`);
    await page.getByLabel('GCM objective', { exact: true }).selectOption('8');
    await page.getByLabel('Year').selectOption('2026');
    await page.getByLabel('Title').fill('Criminalisation of rescue at sea');
    await page.getByLabel('The challenges found').fill(BODY);
    await page.getByLabel(/Signed as/).fill('Special Rapporteur on the human rights of migrants');
    await p.shot('new');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(/\/workspace\/expert-reports\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.locator('main h1', { hasText: 'Criminalisation of rescue at sea' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('Objective 8 — Save lives and establish coordinated international efforts on missing migrants');
    await expect(page.locator('.page-header .kicker').textContent()).resolves.toBe('Draft · version 1');

    await page.getByLabel('Title').fill('Criminalisation of search and rescue');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.notice--success', { hasText: 'Your changes are saved.' }).waitFor();
    await page.locator('main h1', { hasText: 'Criminalisation of search and rescue' }).waitFor();
    await page.getByRole('button', { name: 'Submit to the secretariat' }).click();
    await page.locator('.notice--success', { hasText: 'Submitted: the secretariat will review it.' }).waitFor();
    await page.getByText('The secretariat is reviewing this report; it cannot be changed meanwhile.').waitFor();
    await expect(page.getByRole('button', { name: 'Save changes' }).count()).resolves.toBe(0);
    const [row] = await t.dataSource.query('SELECT status, version, title FROM expert_report WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'submitted', version: 3, title: 'Criminalisation of search and rescue' });

    // The secretariat, at its own browser, finds it in its queue and returns it with a note.
    const reviewer = await person(browser, 'ws-expert-secretariat');
    await signIn(reviewer.page, base, sec.user.email, sec.password);
    await reviewer.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Expert reports' }).click();
    await reviewer.page.waitForURL(`${base}/workspace/review/expert-reports`);
    const card = reviewer.page.locator(`[data-expert-report="${id}"]`);
    await expect(card.locator('p.muted').first().innerText()).resolves.toBe(
      'Objective 8 — Save lives and establish coordinated international efforts on missing migrants · 2026 · Signed Special Rapporteur on the human rights of migrants');
    await card.getByLabel('Note to the author').fill('Please cite the cases you refer to.');
    await card.getByRole('button', { name: 'Return to the author' }).click();
    await reviewer.page.locator('.notice--success', { hasText: '“Criminalisation of search and rescue” is returned to its author with your note.' }).waitFor();
    await reviewer.page.getByText('No expert report is waiting for review.').waitFor();
    await page.reload();
    const note = page.locator('[data-return-note]');
    await note.waitFor();
    await expect(note.innerText()).resolves.toContain('The secretariat returned this report');
    await expect(note.innerText()).resolves.toContain('Please cite the cases you refer to.');
    await p.shot('returned');
    await page.getByLabel('The challenges found').fill(`${BODY}\n\nCases: Iuventa (2017), Sea-Watch 3 (2019).`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.notice--success', { hasText: 'Your changes are saved.' }).waitFor();
    await page.getByRole('button', { name: 'Submit to the secretariat' }).click();
    await page.locator('.notice--success', { hasText: 'Submitted' }).waitFor();

    await reviewer.page.reload();
    await reviewer.page.locator(`[data-expert-report="${id}"]`).getByRole('button', { name: /^Publish/ }).click();
    await reviewer.page.locator('.notice--success', { hasText: '“Criminalisation of search and rescue” is published.' }).waitFor();
    await reviewer.shot('published');
    expect(reviewer.errors).toEqual([]);
    await reviewer.close();
    await page.reload();
    await page.locator('.notice--success', { hasText: /^Published on .+, signed “Special Rapporteur on the human rights of migrants”/ }).waitFor();
    await expect(page.locator('main article').innerText()).resolves.toContain('Cases: Iuventa (2017), Sea-Watch 3 (2019).');
    await p.shot('published');

    await page.getByRole('link', { name: 'All my challenge reports' }).click();
    await page.waitForURL(`${base}/workspace/expert-reports`);
    const listed = page.locator('tbody tr', { hasText: 'Criminalisation of search and rescue' });
    await expect(listed.locator('td').allInnerTexts()).resolves.toEqual([
      'Objective 8 — Save lives and establish coordinated international efforts on missing migrants', '2026', 'Published', expect.any(String),
    ]);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'expert_report' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'expert_report.created', 'expert_report.updated', 'expert_report.submitted', 'expert_report.returned',
      'expert_report.updated', 'expert_report.submitted', 'expert_report.published',
    ]);
    expect(p.errors).toEqual([]);
  });
});
