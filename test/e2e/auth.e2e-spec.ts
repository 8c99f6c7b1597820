import { AppConfig } from '@gcm/platform';
import { StateOrganisationsSeeder } from '@gcm/accounts';
import { sign } from 'jsonwebtoken';
import { bearer, createUser, stateOrganisationId } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

const auditCount = async (t: TestApp, action?: string): Promise<number> => {
  const [{ n }] = await t.dataSource.query(
    'SELECT count(*)::int n FROM audit_log WHERE $1::text IS NULL OR action = $1', [action ?? null],
  );
  return n;
};

describe('accounts: State organisations, sign-in, tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has one State organisation per UN Member and observer State, and seeding again adds none', async () => {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS states, count(DISTINCT o.country_alpha3)::int AS countries,
              (SELECT count(*)::int FROM country) AS all_countries
         FROM organisation o WHERE o.kind = 'state'`,
    );
    expect(row).toEqual({ states: 195, countries: 195, all_countries: 195 });
    const before = await auditCount(t);
    await expect(t.app.get(StateOrganisationsSeeder).seed(t.dataSource)).resolves.toEqual({ created: 0 });
    expect(await auditCount(t)).toBe(before);
    const [fra] = await t.dataSource.query("SELECT name, kind FROM organisation WHERE country_alpha3 = 'FRA'");
    expect(fra).toEqual({ name: 'France', kind: 'state' });
  });

  it('signs in with e-mail and password, and the access token identifies the caller', async () => {
    const fp = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA', email: 'Anne.Martin@Example.org' });
    expect(fp.user).toMatchObject({ email: 'anne.martin@example.org', role: 'focal_point', status: 'active' });
    expect(fp.user.organisation).toMatchObject({ name: 'France', kind: 'state', countryAlpha3: 'FRA' });
    expect(JSON.stringify(fp.user)).not.toMatch(/password|scrypt/i);
    const res = await t.http.post('/api/v1/auth/sign-in').send({ email: ' ANNE.martin@example.org ', password: fp.password }).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.headers['cache-control']).toBe('no-store');
    const me = await t.http.get('/api/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ id: fp.user.id, organisationId: await stateOrganisationId(t, 'FRA') });
  });

  it('refuses a wrong password or unknown account alike (401), and audits the failure without the password', async () => {
    const u = await createUser(t, { role: 'expert' });
    const before = await auditCount(t, 'auth.sign_in_failed');
    const wrong = await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: 'not-the-password-1' }).expect(401);
    const unknown = await t.http.post('/api/v1/auth/sign-in').send({ email: 'nobody@example.org', password: 'not-the-password-1' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'unauthenticated', error: 'Unauthorized', message: 'Invalid e-mail or password', correlationId: expect.any(String) });
    const rows = await t.dataSource.query(
      "SELECT entity_id, actor_id, after, ip FROM audit_log WHERE action = 'auth.sign_in_failed' ORDER BY id DESC LIMIT 2",
    );
    expect(await auditCount(t, 'auth.sign_in_failed')).toBe(before + 2);
    expect(rows[1]).toMatchObject({ entity_id: u.user.id, actor_id: u.user.id, after: { email: u.user.email, reason: 'wrong_password' } });
    expect(rows[0].after).toEqual({ email: 'nobody@example.org', reason: 'unknown_account' });
    expect(JSON.stringify(rows)).not.toContain('not-the-password-1');
    expect(rows[0].ip).toMatch(/127\.0\.0\.1/);
  });

  it('rejects unknown and malformed fields with 400 and field errors', async () => {
    const extra = await t.http.post('/api/v1/auth/sign-in').send({ email: 'a@example.org', password: 'x', admin: true }).expect(400);
    expect(extra.body.details).toEqual([{ field: 'admin', messages: [expect.stringMatching(/should not exist/)] }]);
    const bad = await t.http.post('/api/v1/auth/sign-in').send({ email: 'not-an-email', password: '' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password']);
  });

  it('answers 401 to an expired, forged or garbage access token, and without one', async () => {
    const u = await createUser(t, { role: 'secretariat' });
    const secret = t.app.get(AppConfig).AUTH_SECRET;
    const [{ id: sid }] = await t.dataSource.query('SELECT id FROM session WHERE user_id = $1', [u.user.id]);
    const claims = { sid, role: 'secretariat', org: null };
    const opts = { algorithm: 'HS256' as const, subject: u.user.id, issuer: 'gcm-tracker', audience: 'gcm-tracker-api' };
    const expired = sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, secret, opts);
    const forged = sign(claims, 'another-secret-that-is-long-enough-0123456789', { ...opts, expiresIn: 600 });
    const fresh = sign(claims, secret, { ...opts, expiresIn: 600 });
    await t.http.get('/api/v1/auth/me').set(bearer(fresh)).expect(200);
    for (const token of [expired, forged, 'garbage.token.value']) {
      const res = await t.http.get('/api/v1/auth/me').set(bearer(token)).expect(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    await t.http.get('/api/v1/auth/me').expect(401);
  });

  it('rotates the refresh token; reusing a rotated one ends the whole session', async () => {
    const u = await createUser(t, { role: 'expert' });
    const first = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(u.refreshToken);
    await t.http.get('/api/v1/auth/me').set(bearer(first.body.accessToken)).expect(200);
    const reuse = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
    expect(reuse.body.message).toMatch(/already used/);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    await t.http.get('/api/v1/auth/me').set(bearer(first.body.accessToken)).expect(401);
    await t.http.get('/api/v1/auth/me').set(bearer(u.accessToken)).expect(401);
    const [row] = await t.dataSource.query("SELECT count(*)::int n FROM audit_log WHERE action = 'auth.refresh_reuse' AND actor_id = $1", [u.user.id]);
    expect(row.n).toBe(1);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: 'x'.repeat(43) }).expect(401);
  });

  it('signs out: the access and refresh tokens of that session stop working at once, other sessions live on', async () => {
    const u = await createUser(t, { role: 'expert' });
    const other = await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: u.password }).expect(200);
    await t.http.post('/api/v1/auth/sign-out').set(bearer(u.accessToken)).expect(204);
    await t.http.get('/api/v1/auth/me').set(bearer(u.accessToken)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
    await t.http.get('/api/v1/auth/me').set(bearer(other.body.accessToken)).expect(200);
  });

  it('stops a deactivated user at once, even with an unexpired token', async () => {
    const u = await createUser(t, { role: 'focal_point', organisationAlpha3: 'KEN' });
    await t.http.get('/api/v1/auth/me').set(bearer(u.accessToken)).expect(200);
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [u.user.id]);
    await t.http.get('/api/v1/auth/me').set(bearer(u.accessToken)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: u.password }).expect(401);
  });

  it('writes exactly one audit row per sign-in, refresh and sign-out, with actor, IP and correlation id', async () => {
    const u = await createUser(t, { role: 'expert' });
    let n = await auditCount(t);
    const signIn = await t.http.post('/api/v1/auth/sign-in').set('X-Correlation-Id', 'corr-sign-in-0001')
      .send({ email: u.user.email, password: u.password }).expect(200);
    expect(await auditCount(t)).toBe(++n);
    const [row] = await t.dataSource.query('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(row).toMatchObject({ action: 'auth.sign_in', entity_type: 'session', actor_id: u.user.id, actor_role: 'expert', correlation_id: 'corr-sign-in-0001' });
    expect(row.occurred_at).toBeInstanceOf(Date);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: signIn.body.refreshToken }).expect(200);
    expect(await auditCount(t)).toBe(++n);
    await t.http.post('/api/v1/auth/sign-out').set(bearer(signIn.body.accessToken)).expect(204);
    expect(await auditCount(t)).toBe(++n);
  });
});
