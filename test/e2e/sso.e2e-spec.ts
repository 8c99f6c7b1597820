import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { OidcTestProvider, signInAtProvider, startOidcProvider } from '../helpers/oidc';
import { createTestApp, TestApp } from '../helpers/test-app';

/** The API's public address as the provider knows it (the browser never follows it here: supertest does the API's part). */
const PUBLIC_URL = 'http://127.0.0.1:9';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/sso/callback`;

describe('single sign-on through a real OpenID provider', () => {
  let t: TestApp;
  let op: OidcTestProvider;
  let secretariat: CreatedUser;
  let providerId: string;

  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;
  const snapshot = async () => ({
    users: await count('SELECT count(*)::int n FROM app_user'),
    sessions: await count('SELECT count(*)::int n FROM session'),
    identities: await count('SELECT count(*)::int n FROM sso_identity'),
  });

  /** The sign-in button: the API's redirect to the provider, and the state cookie it set. */
  const start = async () => {
    const res = await t.http.get(`/api/v1/auth/sso/${providerId}/start`).expect(302);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('gcm_sso_state='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const location = new URL(res.headers.location);
    expect(location.origin).toBe(op.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('nonce')).toBeTruthy();
    return { authorizationUrl: res.headers.location as string, cookie: cookie.split(';')[0], state: location.searchParams.get('state')! };
  };
  /** The provider's redirect back, delivered to the API with the browser's cookie. */
  const callback = async (callbackUrl: string, cookie?: string) => {
    const url = new URL(callbackUrl);
    const req = t.http.get(`${url.pathname}${url.search}`);
    if (cookie) req.set('Cookie', cookie);
    const res = await req.expect(302);
    return res.headers.location as string;
  };
  const signInThrough = async (login: string) => {
    const s = await start();
    const back = await signInAtProvider(s.authorizationUrl, login, CALLBACK);
    return { ...s, back, location: await callback(back, s.cookie) };
  };
  const refused = async (location: string, reason: string) => {
    expect(location).toBe(`/sign-in?sso_error=${reason}`);
    const [row] = await t.dataSource.query(
      "SELECT after FROM audit_log WHERE action = 'auth.sso_refused' ORDER BY id DESC LIMIT 1",
    );
    expect(row.after.reason).toBe(reason);
  };
  const tokensOf = async (location: string) => {
    const match = /^\/sso-complete#refreshToken=(.+)$/.exec(location);
    expect(match).not.toBeNull();
    return (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: decodeURIComponent(match![1]) }).expect(200)).body;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL } });
    op = await startOidcProvider({ redirectUris: [CALLBACK], postLogoutUris: [`${PUBLIC_URL}/sign-in`] });
    secretariat = await createUser(t, { role: 'secretariat' });
    const res = await t.http.post('/api/v1/sso-providers').set(bearer(secretariat.accessToken)).send({
      name: 'Test identity provider', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret,
      allowedDomains: ['example.org', 'UN.org'],
    }).expect(201);
    providerId = res.body.id;
  });
  afterAll(async () => {
    await op?.stop();
    await t?.close();
  });

  it('keeps the client secret to itself: stored encrypted, never returned or audited', async () => {
    const list = await t.http.get('/api/v1/sso-providers').set(bearer(secretariat.accessToken)).expect(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ issuer: op.issuer, hasClientSecret: true, allowedDomains: ['example.org', 'un.org'], allowAccountCreation: false });
    expect(JSON.stringify(list.body)).not.toContain(op.clientSecret);
    const [stored] = await t.dataSource.query('SELECT client_secret_encrypted AS s FROM sso_provider');
    expect(stored.s).not.toContain(op.clientSecret);
    const audits = await t.dataSource.query("SELECT after FROM audit_log WHERE entity_type = 'sso_provider'");
    expect(JSON.stringify(audits)).not.toContain(op.clientSecret);
    const buttons = await t.http.get('/api/v1/auth/sso/providers').expect(200);
    expect(buttons.body).toEqual([{ id: providerId, name: 'Test identity provider', signInUrl: `/api/v1/auth/sso/${providerId}/start` }]);
  });

  it('refuses a provider that is not https (except on loopback), bad domains, and non-secretariat callers', async () => {
    const auth = bearer(secretariat.accessToken);
    const base = { name: 'X', issuer: 'https://id.example.org', clientId: 'c', clientSecret: 's' };
    const before = await count('SELECT count(*)::int n FROM sso_provider');
    for (const body of [{ ...base, issuer: 'http://id.example.org' }, { ...base, allowedDomains: ['not a domain'] }, { ...base, clientSecret: '' }]) {
      const res = await t.http.post('/api/v1/sso-providers').set(auth).send(body).expect(400);
      expect(res.body.code).toBe('validation_failed');
    }
    const fp = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    await t.http.get('/api/v1/sso-providers').set(bearer(fp.accessToken)).expect(403);
    expect(await count('SELECT count(*)::int n FROM sso_provider')).toBe(before);
  });

  it('signs an existing user in by verified e-mail through the same sessions as a password sign-in, then by subject', async () => {
    const fp = await createUser(t, { role: 'focal_point', organisationAlpha3: 'KEN', email: 'wanjiru@example.org' });
    const { location } = await signInThrough('wanjiru');
    const tokens = await tokensOf(location);
    expect(tokens.user).toMatchObject({ id: fp.user.id, role: 'focal_point' });
    const me = await t.http.get('/api/v1/auth/me').set(bearer(tokens.accessToken)).expect(200);
    expect(me.body.email).toBe('wanjiru@example.org');
    const [audit] = await t.dataSource.query(
      "SELECT actor_id AS \"actorId\", after FROM audit_log WHERE action = 'auth.sign_in' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toEqual({ actorId: fp.user.id, after: { userId: fp.user.id, via: 'sso', providerId } });
    expect(await count('SELECT count(*)::int n FROM sso_identity WHERE user_id = $1 AND subject = $2', [fp.user.id, 'wanjiru'])).toBe(1);

    // The provider now says another address (same subject): the stored subject still finds the account.
    await op.account('wanjiru', { email: 'w.kamau@un.org' });
    const again = await tokensOf((await signInThrough('wanjiru')).location);
    expect(again.user.id).toBe(fp.user.id);
  });

  it('refuses a replayed state, a missing one and one the browser did not start, creating nothing', async () => {
    await createUser(t, { role: 'expert', email: 'amina@example.org' });
    const first = await signInThrough('amina');
    await tokensOf(first.location);
    const before = await snapshot();
    await refused(await callback(first.back, first.cookie), 'state_replayed');

    const s = await start();
    const back = await signInAtProvider(s.authorizationUrl, 'amina', CALLBACK);
    const withoutState = new URL(back);
    withoutState.searchParams.delete('state');
    await refused(await callback(withoutState.toString(), s.cookie), 'missing_state');
    const other = await start();
    await refused(await callback(back, other.cookie), 'state_mismatch');
    await refused(await callback(back), 'state_mismatch');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['wrong_audience', 'wrong_audience'],
    ['expired', 'id_token_expired'],
    ['wrong_nonce', 'nonce_mismatch'],
  ] as const)('refuses an ID token with %s, creating nothing', async (mode, reason) => {
    await op.account('tamper-target', { email: 'amina@example.org' });
    const before = await snapshot();
    await op.tamper(mode);
    await refused((await signInThrough('tamper-target')).location, reason);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unverified e-mail, one outside the allowed domains, and a stranger when the provider may not create accounts', async () => {
    const before = await snapshot();
    await op.account('unverified', { email: 'amina@example.org', email_verified: false });
    await refused((await signInThrough('unverified')).location, 'email_unverified');
    await op.account('outsider', { email: 'someone@elsewhere.test' });
    await refused((await signInThrough('outsider')).location, 'domain_not_allowed');
    await refused((await signInThrough('stranger')).location, 'no_account');
    expect(await snapshot()).toEqual(before);
  });

  it('creates an account with no role when the secretariat allows it; it can read its profile and nothing else', async () => {
    const provider = await t.http.get(`/api/v1/sso-providers/${providerId}`).set(bearer(secretariat.accessToken)).expect(200);
    await t.http.patch(`/api/v1/sso-providers/${providerId}`).set(bearer(secretariat.accessToken))
      .send({ allowAccountCreation: true, version: provider.body.version }).expect(200);
    await op.account('newcomer', { email: 'newcomer@un.org', name: 'New Comer' });
    const tokens = await tokensOf((await signInThrough('newcomer')).location);
    expect(tokens.user).toMatchObject({ email: 'newcomer@un.org', name: 'New Comer', role: null, organisationId: null });
    const [created] = await t.dataSource.query("SELECT after FROM audit_log WHERE action = 'user.create' ORDER BY id DESC LIMIT 1");
    expect(created.after).toMatchObject({ email: 'newcomer@un.org', role: null, via: 'sso' });
    await t.http.get('/api/v1/auth/me').set(bearer(tokens.accessToken)).expect(200);
    await t.http.get('/api/v1/users').set(bearer(tokens.accessToken)).expect(403);
    await t.http.get('/api/v1/sso-providers').set(bearer(tokens.accessToken)).expect(403);
    // A stale version of the provider is refused.
    await t.http.patch(`/api/v1/sso-providers/${providerId}`).set(bearer(secretariat.accessToken))
      .send({ enabled: true, version: provider.body.version }).expect(409);
  });

  it('signs out of the platform and hands back the provider logout (RP-initiated)', async () => {
    const tokens = await tokensOf((await signInThrough('wanjiru')).location);
    const res = await t.http.post('/api/v1/auth/sso/sign-out').set(bearer(tokens.accessToken)).expect(200);
    const logout = new URL(res.body.logoutUrl);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${op.issuer}/session/end`);
    expect(logout.searchParams.get('client_id')).toBe(op.clientId);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/sign-in`);
    await t.http.get('/api/v1/auth/me').set(bearer(tokens.accessToken)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    // A password session has no provider to leave.
    const pw = await createUser(t, { role: 'expert' });
    expect((await t.http.post('/api/v1/auth/sso/sign-out').set(bearer(pw.accessToken)).expect(200)).body).toEqual({ logoutUrl: null });
  });

  it('sends an unknown or disabled provider back to the sign-in page', async () => {
    const res = await t.http.get('/api/v1/auth/sso/00000000-0000-4000-8000-000000000000/start').expect(302);
    await refused(res.headers.location, 'provider_disabled');
  });
});
