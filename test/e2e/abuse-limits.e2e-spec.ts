import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '@gcm/platform';
import { createUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

async function inBatches<T>(count: number, size: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => fn(start + k)))));
  }
  return out;
}

describe('abuse limits: sign-in and reset rate limits in Redis, body cap, headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A short cap on the slow-down keeps the spray test quick; its doubling delays are the same code.
    t = await createTestApp({ env: { SIGNIN_SLOWDOWN_MAX_MS: '300' } });
    delete process.env.SIGNIN_SLOWDOWN_MAX_MS;
  });
  afterAll(() => t.close());

  it('stops a stranger hammering one account from one address at the (account, address) limit; the owner still signs in from another', async () => {
    const limit = t.app.get(AppConfig).SIGNIN_LIMIT_PER_ACCOUNT_IP;
    const u = await createUser(t, { role: 'focal_point', organisationAlpha3: 'MEX' });
    const statuses = await inBatches(300, 50, (i) =>
      t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', '198.51.100.66')
        .send({ email: u.user.email, password: `guess-${i}` })
        .then((r) => ({ status: r.status, retryAfter: r.headers['retry-after'], body: r.body })),
    );
    const through = statuses.filter((s) => s.status !== 429);
    expect(through.length).toBe(limit);
    expect(through.every((s) => s.status === 401)).toBe(true);
    const limited = statuses.filter((s) => s.status === 429);
    expect(limited).toHaveLength(300 - limit);
    expect(limited.every((s) => Number(s.retryAfter) > 0 && Number(s.retryAfter) <= 900)).toBe(true);
    expect(limited[0].body).toMatchObject({ statusCode: 429, code: 'rate_limited', error: 'Too Many Requests', details: { retryAfterSeconds: expect.any(Number) } });
    // The stranger's address stays refused even with the right password; the owner, elsewhere, is let in.
    await t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', '198.51.100.66').send({ email: u.user.email, password: u.password }).expect(429);
    const owner = await t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', '203.0.113.200').send({ email: u.user.email, password: u.password });
    expect(owner.status).toBe(200);
    const [{ failed, tripped }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE action = 'auth.sign_in_failed')::int AS failed,
              count(*) FILTER (WHERE action = 'auth.sign_in_rate_limited' AND after->>'limit' = 'account_ip')::int AS tripped FROM audit_log`,
    );
    expect({ failed, tripped }).toEqual({ failed: limit, tripped: 1 });
  });

  it('only slows down an account guessed at from many addresses: never a 429, and the owner signs in from a fresh address meanwhile', async () => {
    const cfg = t.app.get(AppConfig);
    const u = await createUser(t, { role: 'expert' });
    const attempts = cfg.SIGNIN_SLOWDOWN_PER_ACCOUNT + 40;
    let ownerStatus = 0;
    const statuses = await inBatches(attempts, 10, async (i) => {
      // Halfway through the attack, the owner signs in from an address the stranger never used.
      if (i === Math.floor(attempts / 2)) {
        ownerStatus = (await t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', '192.0.2.250').send({ email: u.user.email, password: u.password })).status;
      }
      return t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', `10.${(i >> 8) & 255}.${i & 255}.9`)
        .send({ email: u.user.email, password: `spray-${i}` }).then((r) => r.status);
    });
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(ownerStatus).toBe(200);
    const slowed = await t.dataSource.query(`SELECT after FROM audit_log WHERE action = 'auth.sign_in_slowed' AND after->>'email' = $1`, [u.user.email]);
    expect(slowed).toEqual([{ after: { email: u.user.email } }]);
    await t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', '192.0.2.251').send({ email: u.user.email, password: u.password }).expect(200);
  });

  it('limits failed sign-ins per client IP across accounts, without touching other IPs', async () => {
    const perIp = t.app.get(AppConfig).SIGNIN_LIMIT_PER_IP;
    const statuses = await inBatches(perIp + 30, 30, (i) =>
      t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', '203.0.113.7')
        .send({ email: `spray-${i}@example.org`, password: 'Winter2026!' }).then((r) => r.status),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(perIp);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const other = await createUser(t, { role: 'expert' });
    await t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', '203.0.113.8')
      .send({ email: other.user.email, password: other.password }).expect(200);
    // 130 scrypt hashes: over a minute on a loaded two-core machine.
  }, 180_000);

  it('holds the limit across two API processes sharing Redis', async () => {
    // A second app on the same Redis prefix: two processes of one deployment.
    const other = await createTestApp({ env: { REDIS_PREFIX: t.redisPrefix } });
    try {
      const limit = t.app.get(AppConfig).SIGNIN_LIMIT_PER_ACCOUNT_IP;
      const statuses = await inBatches(40, 10, (i) =>
        (i % 2 ? t : other).http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', '192.0.2.77')
          .send({ email: 'shared-target@example.org', password: 'nope-nope-nope' }).then((r) => r.status),
      );
      expect(statuses.filter((s) => s !== 429)).toHaveLength(limit);
    } finally {
      await other.close();
    }
  });

  it('rate-limits password-reset requests per address', async () => {
    const limit = t.app.get(AppConfig).RESET_LIMIT_PER_ACCOUNT;
    const statuses = await inBatches(limit + 5, 5, (i) =>
      t.http.post('/api/v1/auth/password-reset/request').set('X-Forwarded-For', `192.0.2.${100 + i}`)
        .send({ email: 'reset-target@example.org' }).then((r) => r.status),
    );
    expect(statuses.filter((s) => s === 202)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it('answers a 2 MB body with 413 in the one error shape', async () => {
    const res = await t.http.post('/api/v1/auth/sign-in').set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ statusCode: 413, code: 'payload_too_large', error: 'Payload Too Large', message: 'Request body is too large', correlationId: expect.any(String) });
  });

  it('sends security headers and never a stack trace or SQL in an error body', async () => {
    const res = await t.http.post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|SELECT|node_modules/);
    const bad = await t.http.get('/api/v1/organisations/not-a-uuid').expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
  });

  it('answers 408 and closes the connection when a request trickles in for longer than HTTP_REQUEST_TIMEOUT_MS', async () => {
    const slow = await createTestApp({ env: { HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_HEADERS_TIMEOUT_MS: '1000' } });
    delete process.env.HTTP_REQUEST_TIMEOUT_MS;
    delete process.env.HTTP_HEADERS_TIMEOUT_MS;
    const server = slow.app.getHttpServer();
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
      socket.write('POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"email":"');
      // One byte every 100 ms: 100 kB would take almost three hours.
      const drip = setInterval(() => socket.write('a'), 100);
      const answer = await new Promise<string>((resolve) => {
        let data = '';
        socket.on('data', (d) => (data += d.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', () => resolve(data));
      });
      clearInterval(drip);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await slow.close();
    }
  });
});
