import { randomUUID } from 'node:crypto';
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
});
