import type { Page } from 'playwright-core';

/** Steps a person takes in the web app, shared by the workspace journeys. */
export async function signIn(page: Page, base: string, email: string, password: string, next = '/workspace'): Promise<void> {
  await page.goto(`${base}/sign-in?next=${next}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}${next}`);
}

/** The invitation link in the last mail to `to`. */
export function invitationLink(mails: { to: string[]; text: string }[], to: string, base: string): string {
  const mail = [...mails].reverse().find((m) => m.to.includes(to));
  const m = mail && new RegExp(`${base.replace(/[.:/]/g, '\\$&')}/accept-invitation#token=[A-Za-z0-9_%-]+`).exec(mail.text);
  if (!m) throw new Error(`no invitation mail to ${to}`);
  return m[0];
}

/** A description of the length the API asks for (300–3,000 characters). */
export const LONG_DESCRIPTION =
  'Kenya will establish a network of one-stop migrant resource centres in Nairobi, Mombasa and Kisumu that give ' +
  'prospective labour migrants accurate, timely information on regular pathways, recruitment rights and pre-departure ' +
  'training, and that refer returnees to reintegration services. The centres will be run with county governments and ' +
  'civil society partners, and will publish quarterly figures on the people served, disaggregated by sex and age.';
