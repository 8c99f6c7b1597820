import type { Browser } from 'playwright-core';
import { createUser, type CreatedUser } from '../helpers/auth';
import { freePort, launchBrowser, person, type Person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { OidcTestProvider, startOidcProvider } from '../helpers/oidc';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Single sign-on in Debian's Chromium against a real OpenID provider: the
 * secretariat adds the provider on its screen; a focal point signs in through
 * the provider's own login and consent pages and lands in the workspace;
 * signing out ends the platform session and the provider's; a refusal is
 * explained on the sign-in page.
 */
describe('single sign-on in the browser', () => {
  let t: TestApp;
  let op: OidcTestProvider;
  let browser: Browser;
  let base: string;
  let secretariat: CreatedUser;
  const people: Person[] = [];

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_URL: base } });
    await t.app.listen(port, '127.0.0.1');
    op = await startOidcProvider({ redirectUris: [`${base}/api/v1/auth/sso/callback`], postLogoutUris: [`${base}/sign-in`] });
    secretariat = await createUser(t, { role: 'secretariat', email: 'sso.secretariat@example.org' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const p of people) await p.close().catch(() => undefined);
    await browser?.close();
    await op?.stop();
    await t?.close();
  });

  const open = async (prefix: string, viewport = LAPTOP) => {
    const p = await person(browser, prefix, viewport);
    people.push(p);
    return p;
  };

  it('the secretariat adds a provider on its screen; the client secret is not shown again', async () => {
    const sec = await open('web-sso-secretariat');
    await signIn(sec.page, base, secretariat.user.email, secretariat.password);
    await sec.page.getByRole('link', { name: 'Single sign-on' }).click();
    await sec.page.getByText('No provider yet.').waitFor();
    await sec.page.getByRole('link', { name: 'Add a provider' }).click();
    await sec.page.getByLabel('Name on the button').fill('Migration Network ID');
    await sec.page.getByLabel('Issuer URL').fill(op.issuer);
    await sec.page.getByLabel('Client ID').fill(op.clientId);
    await sec.page.getByLabel('Client secret').fill(op.clientSecret);
    await sec.page.getByLabel('Allowed e-mail domains').fill('example.org, un.org');
    await sec.page.getByRole('button', { name: 'Add provider' }).click();
    await sec.page.getByText('Your changes have been saved.').waitFor();
    expect(await sec.page.getByLabel('Client secret').inputValue()).toBe('');
    expect(await sec.page.getByLabel('Allowed e-mail domains').inputValue()).toBe('example.org, un.org');
    expect(await sec.page.content()).not.toContain(op.clientSecret);
    for (const viewport of [PHONE, LAPTOP]) {
      await sec.page.setViewportSize(viewport);
      await sec.page.goto(`${base}/workspace/sso`);
      await sec.page.getByRole('link', { name: 'Migration Network ID' }).waitFor();
      await settled(sec.page);
      const audit = await auditPage(sec.page);
      expect({ overflow: audit.overflow, violations: audit.violations }).toEqual({ overflow: 0, violations: [] });
    }
    expect(sec.errors).toEqual([]);
  });

  it("a focal point signs in through the provider's login and consent pages, lands in the workspace, and signs out of both", async () => {
    const fp = await createUser(t, { role: 'focal_point', organisationAlpha3: 'PHL', email: 'maria.santos@example.org' });
    const p = await open('web-sso-focal-point');
    // The provider's pages log their own misses (its favicon); ours must answer every request.
    const ours: string[] = [];
    p.page.on('response', (r) => r.url().startsWith(base) && r.status() >= 400 && ours.push(`${r.status()} ${r.url()}`));
    await p.page.goto(`${base}/sign-in`);
    await p.page.getByRole('link', { name: 'Sign in with Migration Network ID' }).click();
    // The provider's own pages (oidc-provider's login and consent).
    await p.page.waitForURL((u) => u.origin === op.issuer);
    await p.page.locator('input[name="login"]').fill('maria.santos');
    await p.page.locator('input[name="password"]').fill('anything');
    await p.page.getByRole('button', { name: 'Sign-in' }).click();
    await p.page.getByRole('button', { name: 'Continue' }).click();
    await p.page.waitForURL(`${base}/workspace`);
    await p.page.getByRole('heading', { level: 1, name: new RegExp(fp.user.name) }).waitFor();
    expect(p.page.url()).not.toContain('refreshToken');
    const [session] = await t.dataSource.query(
      'SELECT id, sso_provider_id AS "providerId" FROM session WHERE user_id = $1 AND revoked_at IS NULL AND sso_provider_id IS NOT NULL', [fp.user.id],
    );
    expect(session.providerId).toBeTruthy();

    await p.page.getByRole('button', { name: 'Sign out' }).click();
    await p.page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await p.page.waitForURL(`${base}/sign-in`);
    const [ended] = await t.dataSource.query('SELECT revoked_reason AS reason FROM session WHERE id = $1', [session.id]);
    expect(ended.reason).toBe('sign_out');
    expect(await p.page.evaluate(() => sessionStorage.getItem('gcm.refresh'))).toBeNull();
    // Signed out at the provider too: the next sign-in asks for the login again.
    await p.page.getByRole('link', { name: 'Sign in with Migration Network ID' }).click();
    await p.page.locator('input[name="login"]').waitFor();
    expect(ours).toEqual([]);
  });

  it('a refused sign-in (unverified e-mail) comes back to the sign-in page with the reason, at 390 px and 1366 px', async () => {
    await op.account('unverified.user', { email: 'maria.santos@example.org', email_verified: false });
    const p = await open('web-sso-refused', PHONE);
    await p.page.goto(`${base}/sign-in`);
    await p.page.getByRole('link', { name: 'Sign in with Migration Network ID' }).click();
    await p.page.locator('input[name="login"]').fill('unverified.user');
    await p.page.locator('input[name="password"]').fill('anything');
    await p.page.getByRole('button', { name: 'Sign-in' }).click();
    await p.page.getByRole('button', { name: 'Continue' }).click();
    await p.page.waitForURL(`${base}/sign-in?sso_error=email_unverified`);
    await p.page.getByRole('alert').getByText('Your e-mail address is not verified at the sign-in service.').waitFor();
    for (const viewport of [PHONE, LAPTOP]) {
      await p.page.setViewportSize(viewport);
      await settled(p.page);
      const audit = await auditPage(p.page);
      expect({ overflow: audit.overflow, violations: audit.violations }).toEqual({ overflow: 0, violations: [] });
    }
  });
});
