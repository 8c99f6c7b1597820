import { createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

const PER_IP = 5;

/** Failed sign-ins on made-up accounts (so only the per-IP limit applies), each claiming `forwardedFor`. */
async function spray(t: TestApp, count: number, forwardedFor: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', forwardedFor(i))
      .send({ email: `spray-${i}@example.org`, password: 'Winter2026!' });
    statuses.push(res.status);
  }
  return statuses;
}

async function signIn(t: TestApp, u: CreatedUser, forwardedFor: string): Promise<number> {
  return (await t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', forwardedFor).send({ email: u.user.email, password: u.password })).status;
}

async function signInIps(t: TestApp, userId: string): Promise<string[]> {
  const rows: { ip: string }[] = await t.dataSource.query(
    `SELECT ip FROM audit_log WHERE action = 'auth.sign_in' AND actor_id = $1 ORDER BY id`, [userId],
  );
  return rows.map((r) => r.ip);
}

// supertest connects from 127.0.0.1: here that address plays the load balancer.
describe('TRUST_PROXY: client addresses behind a proxy', () => {
  describe('set (the proxy on loopback is trusted)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { TRUST_PROXY: 'loopback', SIGNIN_LIMIT_PER_IP: String(PER_IP) } });
    });
    afterAll(() => t.close());

    it("one attacker's failed sign-ins lock out that attacker only, and the audit log records each client's address", async () => {
      const [alice, bob] = [await createUser(t, { role: 'focal_point', organisationAlpha3: 'MEX' }), await createUser(t, { role: 'expert' })];
      // A client-written entry left of the proxy's own one changes nothing: the proxy appended the real address.
      const attacker = await spray(t, PER_IP + 3, (i) => `10.9.${i}.1, 203.0.113.66`);
      expect(attacker).toEqual([...Array(PER_IP).fill(401), 429, 429, 429]);
      expect(await signIn(t, alice, '198.51.100.10')).toBe(200);
      expect(await signIn(t, bob, '198.51.100.11')).toBe(200);
      expect(await signInIps(t, alice.user.id)).toEqual(['127.0.0.1', '198.51.100.10']);
      const [{ ips }] = await t.dataSource.query(
        `SELECT array_agg(DISTINCT ip) AS ips FROM audit_log WHERE action = 'auth.sign_in_failed'`,
      );
      expect(ips).toEqual(['203.0.113.66']);
    });
  });

  describe('unset (the default): X-Forwarded-For is ignored', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { TRUST_PROXY: '', SIGNIN_LIMIT_PER_IP: String(PER_IP) } });
    });
    afterAll(() => t.close());

    it('a client cannot escape the per-IP limit by inventing addresses, and the audit log records the peer', async () => {
      const statuses = await spray(t, PER_IP + 2, (i) => `203.0.113.${i + 1}`);
      expect(statuses).toEqual([...Array(PER_IP).fill(401), 429, 429]);
      const [{ ips }] = await t.dataSource.query(
        `SELECT array_agg(DISTINCT ip) AS ips FROM audit_log WHERE action = 'auth.sign_in_failed'`,
      );
      expect(ips).toEqual(['127.0.0.1']);
    });
  });
});
