import { randomUUID } from 'node:crypto';
import { RetentionService } from '@gcm/accounts';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * Issue 17 leftover: starting a single sign-on (a stored attempt and a
 * redirect each) is limited per client address; past the limit the browser
 * lands on the sign-in page with the reason, audited once per window.
 */
describe('starting single sign-on is rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SSO_START_LIMIT_PER_IP: '2' } });
  });
  afterAll(async () => t?.close());

  it('sends the third start from one address to /sign-in?sso_error=rate_limited and audits it once', async () => {
    const start = () => t.http.get(`/api/v1/auth/sso/${randomUUID()}/start`).redirects(0);
    for (let i = 0; i < 2; i++) {
      const res = await start();
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/sign-in?sso_error=provider_disabled');
    }
    for (let i = 0; i < 2; i++) {
      const res = await start();
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/sign-in?sso_error=rate_limited');
    }
    const audited = await t.dataSource.query(`SELECT after FROM audit_log WHERE action = 'auth.sso_refused' AND after->>'reason' = 'rate_limited'`);
    expect(audited).toHaveLength(1);
  });

  it('prunes used and long-expired sign-on attempts in retention.prune, keeping live ones', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO sso_provider (name, issuer, client_id, client_secret_encrypted, version)
       VALUES ('Prune test', 'https://idp.example.org', 'client', 'x', 1) RETURNING id`);
    const attempt = (state: string, expires: string, used: string | null) => t.dataSource.query(
      `INSERT INTO sso_attempt (state_hash, provider_id, nonce, code_verifier, redirect_uri, expires_at, used_at)
       VALUES (repeat($1, 64), $2, 'n', 'v', 'https://x/cb', now() + $3::interval, now() + $4::interval)`, [state, id, expires, used]);
    await attempt('a', '-400 days', null);
    await attempt('b', '-400 days', '-400 days');
    await attempt('c', '10 minutes', null);
    await attempt('d', '-1 minute', null);
    const counts = await t.app.get(RetentionService).prune();
    expect(counts.ssoAttempts).toBe(2);
    expect((await t.dataSource.query('SELECT left(state_hash, 1) AS s FROM sso_attempt ORDER BY 1')).map((r: { s: string }) => r.s)).toEqual(['c', 'd']);
  });
});
