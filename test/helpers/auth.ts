import { randomBytes } from 'node:crypto';
import { UsersService, UserView } from '@gcm/accounts';
import type { Role } from '@gcm/platform';
import type { TestApp } from './test-app';

export interface CreatedUser {
  user: UserView;
  accessToken: string;
  refreshToken: string;
  password: string;
}

/** The organisation of a UN Member or observer State, e.g. `stateOrganisationId(t, 'FRA')`. */
export async function stateOrganisationId(t: TestApp, alpha3: string): Promise<string> {
  const [row] = await t.dataSource.query('SELECT id FROM organisation WHERE country_alpha3 = $1', [alpha3.toUpperCase()]);
  if (!row) throw new Error(`no State organisation for ${alpha3}`);
  return row.id;
}

/**
 * A user created through the accounts service (as the secretariat's CLI does)
 * and then signed in over HTTP, so the tokens are real. A focal point needs
 * `organisationAlpha3` or `organisationId`.
 */
export async function createUser(
  t: TestApp,
  opts: { role: Role; organisationAlpha3?: string; organisationId?: string; email?: string; password?: string },
): Promise<CreatedUser> {
  const organisationId = opts.organisationId ?? (opts.organisationAlpha3 ? await stateOrganisationId(t, opts.organisationAlpha3) : null);
  const suffix = randomBytes(4).toString('hex');
  const email = opts.email ?? `${opts.role.replace('_', '-')}-${suffix}@example.org`;
  // Not built from the suffix: the password policy refuses one that contains the e-mail's or name's words.
  const password = opts.password ?? `pass-${randomBytes(9).toString('hex')}`;
  await t.app.get(UsersService).createWithPassword({ email, name: `Test ${opts.role} ${suffix}`, role: opts.role, organisationId, password });
  const res = await t.http.post('/api/v1/auth/sign-in').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { user: res.body.user, accessToken: res.body.accessToken, refreshToken: res.body.refreshToken, password };
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
