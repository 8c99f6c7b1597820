import type { Browser } from 'playwright-core';
import { createUser, type CreatedUser } from '../helpers/auth';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { openCycle } from '../helpers/pledges';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** The secretariat's report desk in the browser: pickers instead of codes typed by hand, runs by name, bulk publish. */
describe('workspace: report desk (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let sec: CreatedUser;
  let p: Person;
  let cycleId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer() as { address(): { port: number } }).address().port}`;
    sec = await createUser(t, { role: 'secretariat' });
    await openCycle(t, sec, { code: '2025-H2', periodStart: '2025-07-01', periodEnd: '2025-12-31', deadline: '2099-12-31' });
    await openCycle(t, sec, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    [{ id: cycleId }] = await t.dataSource.query(`SELECT id FROM reporting_cycle WHERE code = '2026-H1'`);
    browser = await launchBrowser();
    p = await person(browser, 'ws-reports');
    await signIn(p.page, base, sec.user.email, sec.password);
  });
  afterAll(async () => {
    await p?.close();
    await browser?.close();
    await t?.close();
  });

  it('requests reports by picking the kind, then a region or State by name and the cycle(s) from the list', async () => {
    const { page } = p;
    await page.goto(`${base}/workspace/reports`);
    const form = page.locator('form', { has: page.locator('#request-title') });
    await form.waitFor();
    await form.getByLabel('Kind').selectOption({ label: 'Region' });
    await form.getByLabel('Region').selectOption({ label: 'Africa' });
    await expect(form.getByLabel('Cycle').locator('option').allInnerTexts()).resolves.toEqual(['2026-H1', '2025-H2']);
    await form.getByLabel('Cycle').selectOption('2025-H2');
    await form.getByRole('button', { name: 'Queue the report' }).click();
    const runs = page.locator('table.runs tbody');
    await runs.locator('th', { hasText: 'Region: Africa' }).waitFor();
    await expect(runs.locator('tr', { hasText: 'Region: Africa' }).locator('td').first().innerText()).resolves.toBe('2025-H2');

    await form.getByLabel('Kind').selectOption({ label: 'State' });
    await form.getByLabel('State').selectOption({ label: 'Mexico' });
    await form.getByRole('button', { name: 'Queue the report' }).click();
    await runs.locator('th', { hasText: 'State: Mexico' }).waitFor();

    // A span kind takes several cycles; the IMRF summary has no scope to pick.
    await form.getByLabel('Kind').selectOption({ label: 'IMRF summary' });
    await expect(form.getByLabel('Region').count()).resolves.toBe(0);
    await form.getByRole('checkbox', { name: '2025-H2' }).check();
    await form.getByRole('button', { name: 'Queue the report' }).click();
    await runs.locator('tr', { hasText: 'IMRF summary' }).locator('td', { hasText: '2025-H2 + 2026-H1' }).waitFor();
    expect(await runs.innerText()).not.toMatch(/Region 002|State MEX|\bMEX\b/);
    const stored = await t.dataSource.query('SELECT kind, scope, cycle_key FROM report_run ORDER BY created_at');
    expect(stored).toEqual([
      { kind: 'region', scope: '002', cycle_key: '2025-H2' },
      { kind: 'state', scope: 'MEX', cycle_key: '2025-H2' }, // the cycle picked before stays picked
      { kind: 'imrf_summary', scope: 'global', cycle_key: '2025-H2+2026-H1' },
    ]);
    await p.shot('request');
    expect(p.errors).toEqual([]);
  });

  it('publishes the ticked versions in one action; a version still rendering is not offered', async () => {
    const version = async (title: string, formats: number) => {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO report_version (kind, scope, cycle_key, cycle_id, cycle_ids, snapshot_hash, number, title, model)
         VALUES ('objective', $3, '2026-H1', $1, ARRAY[$1]::uuid[], repeat('a', 64), 1, $2, '{}') RETURNING id`, [cycleId, title, title.slice(-1)]);
      const all = ['json', 'html', 'pdf', 'csv', 'xlsx'];
      for (const format of all.slice(0, formats)) {
        await t.dataSource.query(
          `INSERT INTO report_file (version_id, format, content_type, sha256, size, bytes) VALUES ($1, $2, 'application/octet-stream', repeat('b', 64), 5, 'bytes')`,
          [id, format]);
      }
      return id as string;
    };
    await version('Objective report 1', 5);
    await version('Objective report 2', 5);
    await version('Objective report 3', 2);
    const { page } = p;
    await page.goto(`${base}/workspace/reports`);
    const section = page.locator('section', { has: page.locator('#versions-title') });
    await section.locator('tbody tr').nth(1).waitFor();
    // A version without its five files is nobody's to see, the secretariat's included, until its run completes.
    await expect(section.locator('tbody tr').count()).resolves.toBe(2);
    await expect(section.locator('tbody tr', { hasText: 'Objective report 3' }).count()).resolves.toBe(0);
    await expect(section.getByRole('button', { name: 'Publish the selected versions' }).isDisabled()).resolves.toBe(true);
    await section.getByRole('checkbox', { name: 'Select every version' }).check();
    await section.getByRole('button', { name: 'Publish 2 selected versions' }).click();
    await section.locator('.notice--success', { hasText: '2 versions are published: everyone can download them now.' }).waitFor();
    // The list reloads after the notice: wait until the published ones have left it.
    await section.locator('tbody tr', { hasText: 'Objective report 1' }).waitFor({ state: 'detached' });
    await expect(section.locator('tbody tr').count()).resolves.toBe(0);
    const published = await t.dataSource.query('SELECT title FROM report_version WHERE published_at IS NOT NULL ORDER BY title');
    expect(published).toEqual([{ title: 'Objective report 1' }, { title: 'Objective report 2' }]);
    const audit = await t.dataSource.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'report.published'`);
    expect(audit[0].n).toBe(2);
    await p.shot('bulk-published');
    expect(p.errors).toEqual([]);
  });
});
