import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { Browser } from 'playwright-core';
import { createUser, type CreatedUser } from '../helpers/auth';
import { freePort, launchBrowser, person, type Person } from '../helpers/browser-person';
import { invitationLink, LONG_DESCRIPTION, signIn } from '../helpers/journey';
import { startSmtpServer } from '../helpers/smtp';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker } from '../helpers/worker';

/**
 * The cycle that covers today (a pledge published now counts in it, so its
 * State report exists when it closes) and the one after it.
 */
function halfYear(date: Date, next = 0) {
  const index = date.getUTCFullYear() * 2 + (date.getUTCMonth() < 6 ? 0 : 1) + next;
  const year = Math.floor(index / 2);
  const first = index % 2 === 0;
  return { code: `${year}-H${first ? 1 : 2}`, start: `${year}-${first ? '01-01' : '07-01'}`, end: `${year}-${first ? '06-30' : '12-31'}` };
}
const C1 = halfYear(new Date());
const C2 = halfYear(new Date(), 1);

const BAD_REQUEST_LOG = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';

/**
 * The whole journey in a real browser, with the worker running in this
 * process: the secretariat invites a focal point and opens a cycle; the focal
 * point creates a pledge (a field error on the way), gets it returned, fixes
 * and resubmits it; the secretariat sees the diff and publishes; the focal
 * point reports progress (file evidence), the secretariat validates; next
 * cycle, "no change" in one action; the secretariat closes the first cycle,
 * watches its reports complete, publishes the State report, and an anonymous
 * visitor downloads it as PDF.
 */
describe('workspace: pledge, progress and report journey (browser)', () => {
  let t: TestApp;
  let worker: INestApplication;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let browser: Browser;
  let base: string;
  let secretariat: CreatedUser;
  let sec: Person;
  let fp: Person;
  let pledgeId: string;
  let reference: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: base } });
    await t.app.listen(port, '127.0.0.1');
    worker = await startWorker();
    secretariat = await createUser(t, { role: 'secretariat' });
    browser = await launchBrowser();
    sec = await person(browser, 'ws-pledges-secretariat');
    fp = await person(browser, 'ws-pledges-focal');
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    if (t) await obliterateQueues(t.app.get(QueueService));
    await t?.close();
    await smtp?.close();
  });

  it('the secretariat invites a focal point for Kenya and opens the current cycle; the focal point sets a password', async () => {
    await signIn(sec.page, base, secretariat.user.email, secretariat.password, '/workspace/users/invite');
    await sec.page.getByLabel('Name', { exact: true }).fill('Achieng Otieno');
    await sec.page.getByLabel('E-mail address').fill('achieng.otieno@example.org');
    await sec.page.getByLabel('Organisation').selectOption({ label: 'Kenya' });
    await sec.page.getByRole('button', { name: 'Send the invitation' }).click();
    await sec.page.locator('main h2', { hasText: 'Achieng Otieno has been invited' }).waitFor();

    await sec.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Reporting cycles' }).click();
    await sec.page.getByLabel('Code').fill(C1.code);
    await sec.page.getByLabel('Period start').fill(C1.start);
    await sec.page.getByLabel('Period end').fill(C1.end);
    await sec.page.getByRole('button', { name: 'Create the cycle', exact: true }).click();
    await sec.page.locator('.notice--success', { hasText: `Cycle ${C1.code} has been created.` }).waitFor();
    await sec.page.getByRole('button', { name: `Open ${C1.code}` }).click();
    await sec.page.locator('.notice--success', { hasText: `${C1.code} is open` }).waitFor();
    await sec.shot('cycles');

    await smtp.waitFor(1);
    await fp.page.goto(invitationLink(smtp.mails, 'achieng.otieno@example.org', base));
    await fp.page.getByLabel('New password').fill('mombasa-kisumu-nairobi');
    await fp.page.getByLabel('Repeat the password').fill('mombasa-kisumu-nairobi');
    await fp.page.getByRole('button', { name: 'Activate my account' }).click();
    await fp.page.waitForURL(`${base}/workspace`);
    await fp.page.locator('.cycle-card h3', { hasText: `Cycle ${C1.code}` }).waitFor();
    await expect(fp.page.locator('.cycle-card').textContent()).resolves.toContain('Your organisation has no published pledge to report on yet.');
    expect(sec.errors).toEqual([]);
    expect(fp.errors).toEqual([]);
  });

  it('the focal point fills the pledge form from the catalogue pickers; a missing unit is flagged on its field; the draft is submitted', async () => {
    const page = fp.page;
    await page.getByRole('link', { name: 'New pledge' }).first().click();
    await page.waitForURL(`${base}/workspace/pledges/new`);
    await page.getByLabel('Title').fill('One-stop migrant resource centres');
    await page.getByLabel('Description').fill(LONG_DESCRIPTION);
    await page.getByRole('radio', { name: 'Policy' }).check();
    const objectives = page.getByRole('group', { name: /GCM objectives/ });
    await objectives.getByRole('checkbox', { name: '5. Regular pathways' }).check();
    await objectives.getByRole('checkbox', { name: /^3\. / }).check();
    await page.getByLabel('Primary objective').selectOption('5');
    await expect(page.locator('.field__hint', { hasText: 'From the objectives:' }).count()).resolves.toBe(1);
    await page.getByRole('group', { name: /Guiding principles/ }).getByRole('checkbox').first().check();
    await page.getByRole('group', { name: /Secretary-General recommendations/ }).getByRole('checkbox', { name: /^101\. / }).check();
    const commitment = page.locator('details[open] .choice input[type=checkbox]').first();
    const commitmentCode = await commitment.getAttribute('value');
    await commitment.check();
    await page.getByLabel('Countries concerned').fill('Kenya');
    await page.getByLabel('Countries concerned').press('Enter');
    await page.locator('.chip', { hasText: 'Kenya (KEN)' }).waitFor();
    await page.getByLabel('Start date').fill(C1.start);
    await page.getByLabel('Target date', { exact: false }).first().fill('2028-12-31');
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    const indicator = page.getByRole('group', { name: 'Indicator 1' });
    await indicator.getByLabel('Indicator', { exact: false }).first().fill('People served by the centres');
    await indicator.getByLabel('Direction').selectOption('increase');
    await indicator.getByLabel('Baseline value').fill('0');
    await indicator.getByLabel('Baseline date').fill('2026-01-01');
    await indicator.getByLabel('Target value').fill('25000');
    await indicator.getByLabel('Target date').fill('2028-12-31');
    await page.getByRole('button', { name: 'Save draft' }).click();

    // The browser catches the empty unit before sending: the error sits on the unit field, the summary names "Indicator 1: Unit".
    await page.locator('.error-summary:focus').waitFor();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Indicator 1: Unit: Fill this in.');
    const unit = indicator.getByLabel('Unit');
    await expect(unit.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(indicator.locator('.field--error .field__error').textContent()).resolves.toBe('Error: Fill this in.');
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('One-stop migrant resource centres');
    expect(fp.errors).toEqual([]);
    await fp.shot('pledge-field-error');
    await page.locator('.error-summary a').first().click();
    await page.locator('#pledge-indicators-0-unit:focus').waitFor();
    await unit.fill('people');
    // A currency only the API knows is not one: its refusal comes back in the same kind of words, not the validator's.
    await page.getByLabel('Budget amount').fill('250000');
    await page.getByLabel('Currency').fill('XYZ');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.error-summary', { hasText: 'Currency: Enter the ISO code of a currency, such as EUR, KES or USD.' }).waitFor();
    await expect(page.locator('.error-summary').textContent()).resolves.not.toMatch(/must be|ISO 4217/);
    await page.getByLabel('Currency').fill('KES');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/workspace\/pledges\/[0-9a-f-]{36}\?done=saved$/);
    pledgeId = /pledges\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.locator('.notice--success', { hasText: 'The draft has been saved.' }).waitFor();
    reference = (await page.locator('main .kicker').textContent())!.split(' · ')[0];
    expect(reference).toMatch(/^GCM-P-\d{4}-\d{5}$/);
    const saved = (await t.dataSource.query('SELECT working FROM pledge WHERE id = $1', [pledgeId]))[0].working;
    expect(saved.alignment.objectives).toEqual(expect.arrayContaining([{ number: 5, primary: true }, { number: 3, primary: false }]));
    expect(saved.alignment.commitments).toEqual([commitmentCode]);
    expect(saved.scope.countries).toEqual(['KEN']);
    expect(saved.indicators[0]).toMatchObject({ unit: 'people', direction: 'increase', target: { value: 25000, date: '2028-12-31' } });
    await fp.shot('pledge-draft');

    await page.getByRole('button', { name: 'Submit for review as it is' }).click();
    await page.locator('.notice--success', { hasText: 'The pledge has been submitted.' }).waitFor();
    await expect(page.locator('.facts .tag').first().textContent()).resolves.toBe('Submitted');
    expect(fp.errors).toEqual([BAD_REQUEST_LOG]);
    fp.errors.length = 0;
  });

  it('the secretariat returns it with a comment; the focal point sees the comment on their home page, fixes and resubmits', async () => {
    await sec.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Review queue' }).click();
    await sec.page.getByRole('link', { name: 'One-stop migrant resource centres' }).click();
    await sec.page.waitForURL(`${base}/workspace/review/pledges/${pledgeId}`);
    await sec.page.locator('main', { hasText: 'First version: there is nothing earlier to compare with.' }).waitFor();
    await sec.page.getByLabel('Comment').fill('Please name the counties that co-run the centres in the title.');
    await sec.page.getByRole('button', { name: 'Return with comment' }).click();
    await sec.page.locator('.notice--success', { hasText: 'has been returned to its owner' }).waitFor();

    const page = fp.page;
    await page.goto(`${base}/workspace`);
    const returned = page.locator('section', { has: page.locator('h2', { hasText: 'Returned to you' }) });
    await returned.locator('.review-comment', { hasText: 'Please name the counties that co-run the centres in the title.' }).waitFor();
    await fp.shot('home-returned');
    await returned.getByRole('link', { name: /Fix and resubmit/ }).click();
    await page.waitForURL(`${base}/workspace/pledges/${pledgeId}/edit`);
    await page.getByLabel('Title').fill('One-stop migrant resource centres with Mombasa, Kisumu and Nairobi counties');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(`${base}/workspace/pledges/${pledgeId}?done=submitted`);
    await page.locator('.notice--success', { hasText: 'The pledge has been submitted.' }).waitFor();
    expect(fp.errors).toEqual([]);
  });

  it('the secretariat sees what changed from version 1 to 2 and publishes; the pledge is public', async () => {
    await sec.page.goto(`${base}/workspace/review`);
    await sec.page.getByRole('link', { name: /with Mombasa, Kisumu and Nairobi counties/ }).click();
    const diff = sec.page.locator('section', { has: sec.page.locator('h2', { hasText: 'What changed from version 1 to version 2' }) });
    const titleRow = diff.locator('tr', { has: sec.page.locator('th', { hasText: /^Title$/ }) });
    await titleRow.waitFor();
    await expect(titleRow.locator('td').allTextContents()).resolves.toEqual([
      'One-stop migrant resource centres',
      'One-stop migrant resource centres with Mombasa, Kisumu and Nairobi counties',
    ]);
    await sec.shot('review-diff');
    await sec.page.getByRole('button', { name: 'Publish' }).click();
    await sec.page.locator('.notice--success', { hasText: `${reference} has been published` }).waitFor();
    const pub = await t.http.get(`/api/v1/pledges/${reference}`).expect(200);
    expect(pub.body.title).toBe('One-stop migrant resource centres with Mombasa, Kisumu and Nairobi counties');
    expect(sec.errors).toEqual([]);

    const visitor = await person(browser, 'ws-journey-visitor');
    await visitor.page.goto(`${base}/pledges/${reference}`);
    await visitor.page.locator('main h1', { hasText: 'One-stop migrant resource centres with Mombasa, Kisumu and Nairobi counties' }).waitFor();
    await expect(visitor.page.locator('main').textContent()).resolves.not.toContain('Please name the counties');
    await visitor.shot('public-pledge');
    expect(visitor.errors).toEqual([]);
    await visitor.close();
  });

  it('the focal point reports progress with a measurement, a link and a file; the secretariat validates it', async () => {
    const page = fp.page;
    await page.goto(`${base}/workspace`);
    await page.locator('.due-list a', { hasText: reference }).click();
    await page.waitForURL(`${base}/workspace/pledges/${pledgeId}/updates/${C1.code}`);
    await page.locator('main', { hasText: 'This is the first progress update of this pledge.' }).waitFor();
    await page.getByRole('radio', { name: 'On track' }).check();
    await page.getByLabel('Percent complete').fill('35');
    await page.getByLabel('Actions taken').fill('The Mombasa centre opened in April and served its first 4,200 people.');
    const measurement = page.getByRole('group', { name: 'People served by the centres' });
    await measurement.getByLabel('Value (people)').fill('4200');
    await measurement.getByLabel('As of').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Add a link' }).click();
    await page.getByRole('group', { name: 'Link 1' }).getByLabel('Title').fill('County press release');
    await page.getByRole('group', { name: 'Link 1' }).getByLabel('Address').fill('https://www.mombasa.go.ke/news/resource-centre');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('.notice--success', { hasText: 'The update has been saved as a draft.' }).waitFor();

    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'centre-figures.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.getByLabel('Title of the file').fill('Centre figures so far');
    await page.getByRole('button', { name: 'Upload the file' }).click();
    await page.locator('.file-list a', { hasText: 'Centre figures so far' }).waitFor();
    await expect(page.getByLabel('Percent complete').inputValue()).resolves.toBe('35');
    const download = page.waitForEvent('download');
    await page.locator('.file-list a').click();
    expect((await download).suggestedFilename()).toBe('centre-figures.pdf');
    await fp.shot('update-draft');
    await page.getByRole('button', { name: 'Submit for validation' }).click();
    await page.locator('.notice--success', { hasText: 'submitted for validation' }).waitFor();

    await sec.page.goto(`${base}/workspace/review`);
    await sec.page.locator('#queue-updates ~ .table-scroll a', { hasText: /with Mombasa/ }).click();
    await sec.page.locator('.compare td', { hasText: '35%' }).waitFor();
    await sec.shot('review-update');
    await sec.page.getByRole('button', { name: 'Validate' }).click();
    await sec.page.locator('.notice--success', { hasText: 'validated and is public now' }).waitFor();
    const [row] = await t.dataSource.query("SELECT editorial_status, percent_complete FROM progress_update WHERE pledge_id = $1", [pledgeId]);
    expect(row).toEqual({ editorial_status: 'validated', percent_complete: 35 });
    expect(fp.errors).toEqual([]);
    expect(sec.errors).toEqual([]);
  });

  it('in the next cycle, "no change" confirms and submits the last update in one action', async () => {
    await sec.page.goto(`${base}/workspace/cycles`);
    await sec.page.getByLabel('Code').fill(C2.code);
    await sec.page.getByLabel('Period start').fill(C2.start);
    await sec.page.getByLabel('Period end').fill(C2.end);
    await sec.page.getByRole('button', { name: 'Create the cycle', exact: true }).click();
    await sec.page.getByRole('button', { name: `Open ${C2.code}` }).click();
    await sec.page.locator('.notice--success', { hasText: `${C2.code} is open` }).waitFor();

    const page = fp.page;
    await page.goto(`${base}/workspace/pledges/${pledgeId}`);
    await page.getByRole('link', { name: new RegExp(`Report progress for ${C2.code}`) }).click();
    await page.waitForURL(`${base}/workspace/pledges/${pledgeId}/updates/${C2.code}`);
    await expect(page.getByLabel('Percent complete').inputValue()).resolves.toBe('35');
    await expect(page.locator('main').textContent()).resolves.toContain(`Last cycle (${C1.code}): 35%`);
    await fp.shot('update-prefilled');
    await page.getByRole('button', { name: `No change since ${C1.code}: confirm and submit` }).click();
    await page.locator('.notice--success', { hasText: 'confirmed as unchanged and submitted' }).waitFor();
    await page.locator('.status-line .tag', { hasText: 'No change' }).waitFor();
    await fp.shot('update-no-change');
    const rows = await t.dataSource.query(
      'SELECT c.code, u.editorial_status, u.no_change FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id WHERE u.pledge_id = $1 ORDER BY c.code',
      [pledgeId],
    );
    expect(rows).toEqual([
      { code: C1.code, editorial_status: 'validated', no_change: false },
      { code: C2.code, editorial_status: 'submitted', no_change: true },
    ]);
    expect(fp.errors).toEqual([]);
    expect(sec.errors).toEqual([]);
  });

  it('the secretariat closes the cycle, watches its reports complete, publishes the State report; a visitor downloads the PDF', async () => {
    await sec.page.goto(`${base}/workspace/cycles`);
    await sec.page.getByRole('button', { name: `Close ${C1.code}` }).click();
    await sec.page.getByRole('button', { name: 'Yes, close and generate the reports' }).click();
    await sec.page.locator('.notice--success', { hasText: `${C1.code} is closed; its reports are being generated.` }).waitFor({ timeout: 60_000 }).catch(async (err) => {
      throw new Error(`${err}\n${await sec.page.locator('main').textContent()}`);
    });
    await sec.page.getByRole('link', { name: `Reports of ${C1.code}` }).click();
    await sec.page.waitForURL(`${base}/workspace/reports?cycle=${C1.code}`);
    await sec.page.locator('.run-summary').waitFor();
    await sec.shot('report-runs-live', false);
    // The page polls while runs are queued or running: nothing is reloaded by hand here.
    await sec.page.locator('.run-summary', { hasText: /^(\d+) runs: \1 completed\.$/ }).waitFor({ timeout: 120_000 });
    const runs = await t.dataSource.query("SELECT status, count(*)::int AS n FROM report_run GROUP BY status");
    expect(runs).toEqual([{ status: 'completed', n: expect.any(Number) }]);
    await sec.shot('report-runs-done');

    // Runs are named from the catalogue ("State: Kenya"), not by code ("State KEN").
    await expect(sec.page.locator('table.runs tbody th', { hasText: 'State: Kenya' }).count()).resolves.toBe(1);
    expect(await sec.page.locator('table.runs tbody').innerText()).not.toMatch(/State KEN|Region \d{3}/);
    const stateRow = sec.page.locator('#versions-title ~ * tr', { hasText: 'Kenya' }).filter({ has: sec.page.getByRole('checkbox') }).first();
    await stateRow.waitFor();
    await stateRow.getByRole('checkbox').check();
    await sec.page.getByRole('button', { name: 'Publish 1 selected version' }).click();
    await sec.page.locator('.notice--success', { hasText: '1 version is published: everyone can download it now.' }).waitFor();
    expect(sec.errors).toEqual([]);

    const visitor = await person(browser, 'ws-journey-visitor');
    await visitor.page.goto(`${base}/`);
    await visitor.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await visitor.page.waitForURL(`${base}/reports`);
    const card = visitor.page.locator('main tbody tr', { hasText: 'Kenya' });
    await card.waitFor();
    const [published] = await t.dataSource.query("SELECT title, kind FROM report_version WHERE published_at IS NOT NULL");
    expect(published.kind).toBe('state');
    expect(await card.locator('th').textContent()).toContain(published.title);
    await visitor.shot('public-reports');
    const download = visitor.page.waitForEvent('download');
    await card.getByRole('link', { name: 'PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync((await file.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The HTML edition opens in the tab to be read, with its own styles applied, instead of downloading.
    await card.getByRole('link', { name: 'HTML' }).click();
    await visitor.page.waitForURL(/\/api\/v1\/reports\/[0-9a-f-]+\/download\.html$/);
    await expect(visitor.page.locator('h1').first().textContent()).resolves.toContain(published.title);
    await visitor.page.goBack();
    expect(visitor.errors).toEqual([]);
    await visitor.close();

    // The queue monitor is the API's own page (Bull Board, whose own console lines are not the workspace's):
    // the workspace opens its cookie session, then the browser goes there.
    expect(sec.errors).toEqual([]);
    await sec.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Queue monitor' }).click();
    await sec.page.getByRole('button', { name: 'Open the queue monitor' }).click();
    await sec.page.waitForURL(new RegExp(`^${base}/api/v1/admin/queues`));
    await sec.page.getByText('GCM Tracker queues').first().waitFor();
    await sec.page.waitForLoadState('networkidle');
    await sec.page.getByText('Loading...').waitFor({ state: 'hidden' });
    await sec.shot('queue-monitor', false);
  }, 180_000);
});
