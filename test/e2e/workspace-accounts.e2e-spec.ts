import type { Browser } from 'playwright-core';
import { createUser, type CreatedUser } from '../helpers/auth';
import { freePort, launchBrowser, person, type Person } from '../helpers/browser-person';
import { startSmtpServer } from '../helpers/smtp';
import { createTestApp, type TestApp } from '../helpers/test-app';

const BAD_REQUEST_LOG = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';
const UNAUTHORIZED_LOG = 'Failed to load resource: the server responded with a status of 401 (Unauthorized)';

/**
 * The secretariat's account screens and the sign-in pages in a real browser:
 * invitation by e-mail, password reset, field errors from the API, an ended
 * session that is resumed without losing the form, audit log and catalogue edits.
 */
describe('workspace: accounts, sign-in and secretariat screens (browser)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let browser: Browser;
  let base: string;
  let secretariat: CreatedUser;
  const people: Person[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: base } });
    await t.app.listen(port, '127.0.0.1');
    secretariat = await createUser(t, { role: 'secretariat', email: 'amina.secretariat@example.org' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  async function open(prefix: string): Promise<Person> {
    const p = await person(browser, prefix);
    people.push(p);
    return p;
  }

  async function signIn(p: Person, email: string, password: string, path = '/sign-in'): Promise<void> {
    await p.page.goto(base + path);
    await p.page.getByLabel('E-mail address').fill(email);
    await p.page.getByLabel('Password', { exact: true }).fill(password);
    await p.page.getByRole('button', { name: 'Sign in' }).click();
  }

  const linkIn = (text: string, path: string) => {
    const m = new RegExp(`${base.replace(/[.:/]/g, '\\$&')}${path}#token=[A-Za-z0-9_%-]+`).exec(text);
    if (!m) throw new Error(`no ${path} link in:\n${text}`);
    return m[0];
  };

  it('the secretariat invites a focal point; a wrong field is flagged beside it; the invitee sets a password from the e-mailed link', async () => {
    const sec = await open('ws-accounts-secretariat');
    await signIn(sec, secretariat.user.email, secretariat.password);
    await sec.page.waitForURL(`${base}/workspace`);
    await sec.page.locator('main h1', { hasText: `Welcome, ${secretariat.user.name}` }).waitFor();
    await sec.shot('home');

    await sec.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Users' }).click();
    await sec.page.getByRole('link', { name: 'Invite a user' }).click();
    await sec.page.waitForURL(`${base}/workspace/users/invite`);
    await sec.page.getByLabel('Name', { exact: true }).fill('Wanjiru Kamau');
    await sec.page.getByLabel('E-mail address').fill('wanjiru.kamau@example');
    await sec.page.getByLabel('Organisation').selectOption({ label: 'Kenya' });
    await sec.page.getByRole('button', { name: 'Send the invitation' }).click();

    // The API's field error lands beside the field and in a focused summary; nothing typed is lost.
    const summary = sec.page.locator('.error-summary');
    await summary.waitFor();
    await sec.page.locator('.error-summary:focus').waitFor();
    await expect(summary.textContent()).resolves.toContain('E-mail address: Enter an e-mail address such as name@example.org.');
    const email = sec.page.getByLabel('E-mail address');
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby'))!;
    await expect(sec.page.locator(`#${describedBy}`).textContent()).resolves.toContain('Enter an e-mail address such as name@example.org.');
    await expect(sec.page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Wanjiru Kamau');
    await sec.shot('invite-field-error');
    await summary.getByRole('link').click();
    await sec.page.locator('#invite-email:focus').waitFor();

    await email.fill('wanjiru.kamau@example.org');
    await sec.page.getByRole('button', { name: 'Send the invitation' }).click();
    await sec.page.locator('main h2', { hasText: 'Wanjiru Kamau has been invited' }).waitFor();
    await expect(sec.page.locator('main').textContent()).resolves.toContain('was sent to wanjiru.kamau@example.org');
    const shownLink = await sec.page.locator('[data-invite-url]').inputValue();
    await sec.shot('invite-sent');

    await smtp.waitFor(1);
    const link = linkIn(smtp.mails[smtp.mails.length - 1].text, '/accept-invitation');
    expect(shownLink).toBe(link);

    const fp = await open('ws-accounts-invitee');
    await fp.page.goto(link);
    await fp.page.locator('main h1', { hasText: 'Welcome to GCM Tracker' }).waitFor();
    await fp.page.getByLabel('New password').fill('kenya-focal-point-2026');
    await fp.page.getByLabel('Repeat the password').fill('kenya-focal-point-2025');
    await fp.page.getByRole('button', { name: 'Activate my account' }).click();
    await fp.page.locator('.error-summary', { hasText: 'The two passwords are not the same' }).waitFor();
    await fp.shot('invitation-mismatch');
    await fp.page.getByLabel('Repeat the password').fill('kenya-focal-point-2026');
    await fp.page.getByRole('button', { name: 'Activate my account' }).click();
    await fp.page.waitForURL(`${base}/workspace`);
    await fp.page.locator('main h1', { hasText: 'Welcome, Wanjiru Kamau' }).waitFor();
    await expect(fp.page.locator('.workspace__org').textContent()).resolves.toBe('Kenya');
    await expect(fp.page.locator('.account__name').textContent()).resolves.toContain('Focal point');
    await fp.shot('invitee-home');

    // The secretariat sees the new account as active.
    await sec.page.goto(`${base}/workspace/users?q=wanjiru`);
    await sec.page.locator('main tbody tr', { hasText: 'Wanjiru Kamau' }).locator('.tag', { hasText: 'Active' }).waitFor();
    // The one console line is the browser's own log of the API's 400, which the form showed as field errors.
    expect(sec.errors).toEqual([BAD_REQUEST_LOG]);
    expect(fp.errors).toEqual([]);
    await sec.close();
    await fp.close();
  });

  it('a forgotten password is reset from the e-mailed link, and the new one signs in', async () => {
    const fp = await open('ws-accounts-reset');
    await fp.page.goto(`${base}/sign-in`);
    await fp.page.getByRole('link', { name: 'Forgot your password?' }).click();
    await fp.page.waitForURL(`${base}/forgot-password`);
    await fp.page.getByLabel('E-mail address').fill('wanjiru.kamau@example.org');
    await fp.page.getByRole('button', { name: 'Send the link' }).click();
    await fp.page.locator('.notice--success', { hasText: 'a link to reset its password is on its way' }).waitFor();
    await fp.shot('forgot-sent');
    await smtp.waitFor(2);
    const link = linkIn(smtp.mails[smtp.mails.length - 1].text, '/reset-password');
    await fp.page.goto(link);
    await fp.page.getByLabel('New password').fill('a-brand-new-kenyan-password');
    await fp.page.getByLabel('Repeat the password').fill('a-brand-new-kenyan-password');
    await fp.page.getByRole('button', { name: 'Set the password' }).click();
    await fp.page.locator('.notice--success', { hasText: 'Your password has been changed' }).waitFor();
    await fp.shot('reset-done');
    await fp.page.locator('main').getByRole('link', { name: 'Sign in' }).click();
    await fp.page.waitForURL(`${base}/sign-in`);
    await signIn(fp, 'wanjiru.kamau@example.org', 'a-brand-new-kenyan-password', '/sign-in?next=/workspace/organisation');
    await fp.page.waitForURL(`${base}/workspace/organisation`);
    await fp.page.locator('main h1', { hasText: 'Kenya' }).waitFor();
    expect(fp.errors).toEqual([]);
    await fp.close();
  });

  it('an ended session opens a sign-in dialog over the form; after signing in the same save goes through with what was typed', async () => {
    const fp = await open('ws-accounts-session');
    await signIn(fp, 'wanjiru.kamau@example.org', 'a-brand-new-kenyan-password', '/sign-in?next=/workspace/organisation');
    await fp.page.locator('main h1', { hasText: 'Kenya' }).waitFor();
    // A reload drops the in-memory access token: the refresh token in sessionStorage signs back in silently.
    await fp.page.reload();
    await fp.page.locator('main h1', { hasText: 'Kenya' }).waitFor();
    const website = fp.page.getByLabel('Website');
    await website.fill('https://www.immigration.go.ke');
    await fp.page.getByLabel('Contact e-mail').fill('gcm.focal@immigration.go.ke');
    // A reload keeps unsaved typing too (autosaved to sessionStorage).
    await fp.page.reload();
    await fp.page.locator('.notice--info', { hasText: 'We restored the changes you had not saved yet.' }).waitFor();
    await expect(website.inputValue()).resolves.toBe('https://www.immigration.go.ke');

    const { user } = (await t.http.post('/api/v1/auth/sign-in').send({ email: 'wanjiru.kamau@example.org', password: 'a-brand-new-kenyan-password' })).body;
    await t.dataSource.query("UPDATE session SET revoked_at = now(), revoked_reason = 'test' WHERE user_id = $1", [user.id]);
    await fp.page.getByRole('button', { name: 'Save' }).click();
    const dialog = fp.page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('E-mail address').inputValue()).resolves.toBe('wanjiru.kamau@example.org');
    await dialog.getByLabel('Password', { exact: true }).fill('a-brand-new-kenyan-password');
    await fp.shot('session-dialog', false);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await fp.page.locator('.notice--success', { hasText: 'Your changes have been saved.' }).waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(website.inputValue()).resolves.toBe('https://www.immigration.go.ke');
    const mine = await t.dataSource.query("SELECT website, contact_email FROM organisation WHERE country_alpha3 = 'KEN'");
    expect(mine[0]).toEqual({ website: 'https://www.immigration.go.ke', contact_email: 'gcm.focal@immigration.go.ke' });
    await fp.shot('session-resumed');
    // The save that met the ended session (401) and the refused refresh (401) are the browser's network log, nothing else.
    expect(fp.errors.every((e) => e === UNAUTHORIZED_LOG)).toBe(true);
    await fp.close();
  });

  it('the secretariat changes a role, deactivates a user, finds both in the audit log, and a focal point cannot open secretariat screens', async () => {
    const sec = await open('ws-accounts-manage');
    await signIn(sec, secretariat.user.email, secretariat.password, '/sign-in?next=/workspace/users');
    await sec.page.locator('main h1', { hasText: 'Users' }).waitFor();
    await sec.page.getByLabel('Role').selectOption('focal_point');
    await sec.page.getByRole('button', { name: 'Apply' }).click();
    await sec.page.waitForURL(/\/workspace\/users\?role=focal_point$/);
    await sec.page.getByRole('link', { name: 'Wanjiru Kamau' }).click();
    await sec.page.locator('main h1', { hasText: 'Wanjiru Kamau' }).waitFor();
    await sec.page.getByRole('radio', { name: 'Expert' }).check();
    await sec.page.getByRole('button', { name: 'Save' }).click();
    await sec.page.locator('.notice--success', { hasText: 'Your changes have been saved.' }).waitFor();
    // The notice comes first; the page then reloads the user, so wait for the heading to follow.
    await sec.page.locator('main .kicker', { hasText: /^Expert$/ }).waitFor();
    await sec.page.getByRole('button', { name: 'Deactivate this user' }).click();
    await sec.page.getByRole('button', { name: 'Yes, deactivate' }).click();
    await sec.page.locator('.notice--success', { hasText: 'deactivated and signed out' }).waitFor();
    await expect(sec.page.locator('.facts .tag').textContent()).resolves.toBe('Deactivated');
    await sec.shot('user-deactivated');

    await sec.page.getByRole('link', { name: 'Changes to this user in the audit log' }).click();
    await sec.page.waitForURL(/\/workspace\/audit\?entityType=user&entityId=/);
    const rows = sec.page.locator('main tbody tr');
    await rows.first().waitFor();
    const actions = await sec.page.locator('main tbody tr td:nth-child(3)').allTextContents();
    expect(actions.slice(0, 2)).toEqual(['user.deactivate', 'user.update']);
    expect(actions).toContain('user.invite');
    await rows.first().getByRole('button', { name: /fields? changed/ }).click();
    const statusChange = sec.page.locator('.diff tr', { has: sec.page.locator('th', { hasText: /^status$/ }) });
    await expect(statusChange.locator('td').allTextContents()).resolves.toEqual(['active', 'deactivated']);
    await sec.shot('audit');
    await sec.page.getByLabel('Action').fill('auth.');
    await sec.page.getByLabel('Record id').fill('');
    await sec.page.getByLabel('Record type').fill('');
    await sec.page.getByRole('button', { name: 'Apply' }).click();
    await sec.page.waitForURL(`${base}/workspace/audit?action=auth.`);
    await sec.page.locator('main tbody tr td:nth-child(3)', { hasText: 'auth.sign_in' }).first().waitFor();
    const authActions = await sec.page.locator('main tbody tr td:nth-child(3)').allTextContents();
    expect(authActions.every((a) => a.startsWith('auth.'))).toBe(true);
    expect(sec.errors).toEqual([]);

    const other = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    const fp = await open('ws-accounts-focal');
    await signIn(fp, other.user.email, other.password, '/sign-in?next=/workspace/users');
    await fp.page.locator('main h1', { hasText: 'Not available for your role' }).waitFor();
    await expect(fp.page.getByRole('navigation', { name: 'Workspace' }).getByRole('link').allTextContents()).resolves.toEqual([
      'Overview', 'Our pledges', 'My organisation', 'Team', 'Deadline extensions',
    ]);
    expect(fp.errors).toEqual([]);
    await sec.close();
    await fp.close();
  });

  it('the secretariat adds a consideration to a recommendation and changes a crosswalk; the public pages show both', async () => {
    const sec = await open('ws-accounts-framework');
    await signIn(sec, secretariat.user.email, secretariat.password, '/sign-in?next=/workspace/framework');
    await sec.page.locator('main h1', { hasText: 'Framework catalogue' }).waitFor();
    await sec.page.getByRole('link', { name: 'Edit recommendation 101' }).click();
    await sec.page.waitForURL(`${base}/workspace/framework/recommendations/101`);
    await sec.page.getByRole('button', { name: 'Add a consideration' }).waitFor();
    const before = await sec.page.locator('.list-editor__item').count();
    expect(before).toBeGreaterThan(0);
    await sec.page.getByRole('button', { name: 'Add a consideration' }).click();
    const added = sec.page.getByLabel(`Consideration ${before + 1}`, { exact: true });
    await sec.page.locator(`#rec-considerations-${before}:focus`).waitFor();
    await added.fill('Publish a yearly note on data-sharing agreements between States.');
    await sec.page.getByLabel('Why this change').fill('Agreed at the March review meeting');
    await sec.shot('recommendation-edit');
    await sec.page.getByRole('button', { name: 'Save' }).click();
    await sec.page.waitForURL(`${base}/workspace/framework`);

    await sec.page.getByRole('link', { name: 'Edit the themes of objective 8' }).click();
    await sec.page.waitForURL(`${base}/workspace/framework/objectives/8`);
    const themes = sec.page.getByRole('group', { name: 'ICMPD themes' });
    const unticked = themes.locator('input[type=checkbox]:not(:checked)').first();
    const newTheme = await unticked.getAttribute('value');
    await unticked.check();
    await sec.page.getByRole('group', { name: 'Primary theme' }).locator(`input[value="${newTheme}"]`).check();
    await sec.page.getByRole('button', { name: 'Save' }).click();
    await sec.page.waitForURL(`${base}/workspace/framework`);
    await sec.shot('framework');
    expect(sec.errors).toEqual([]);

    const visitor = await open('ws-accounts-visitor');
    await visitor.page.goto(`${base}/recommendations/101`);
    await visitor.page.locator('main', { hasText: 'Publish a yearly note on data-sharing agreements between States.' }).waitFor();
    const objective8 = (await t.http.get('/api/v1/framework/objectives/8')).body as { themes: { number: number; primary: boolean }[] };
    expect(objective8.themes.find((th) => th.primary)?.number).toBe(Number(newTheme));
    expect(visitor.errors).toEqual([]);
    await sec.close();
    await visitor.close();
  });

  it('a tab opened from another shares the session: when one rotates the single-use refresh token, the other follows', async () => {
    const a = await open('ws-accounts-tabs');
    await signIn(a, secretariat.user.email, secretariat.password, '/sign-in?next=/workspace/users');
    await a.page.locator('main h1', { hasText: 'Users' }).waitFor();
    // The popup starts with a copy of the tab's sessionStorage (same refresh token) and no access token: it refreshes.
    const [b] = await Promise.all([a.context.waitForEvent('page'), a.page.evaluate("window.open('/workspace/audit')")]);
    await b.locator('main h1', { hasText: 'Audit log' }).waitFor();
    // Without being told, the first tab would now present the used token and end the session for both.
    await a.page.reload();
    await a.page.locator('main h1', { hasText: 'Users' }).waitFor();
    await b.reload();
    await b.locator('main h1', { hasText: 'Audit log' }).waitFor();
    await expect(a.page.locator('main h1').textContent()).resolves.toBe('Users');
    expect(a.errors).toEqual([]);
  });
});
