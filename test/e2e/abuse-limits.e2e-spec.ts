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
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets at most the configured number of 1,000 rapid sign-in attempts on one account through; the rest get 429 with Retry-After', async () => {
    const limit = t.app.get(AppConfig).SIGNIN_LIMIT_PER_ACCOUNT;
    const u = await createUser(t, { role: 'focal_point', organisationAlpha3: 'MEX' });
    const statuses = await inBatches(1000, 50, (i) =>
      t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', `198.51.100.${i % 200}`)
        .send({ email: u.user.email, password: `guess-${i}` })
        .then((r) => ({ status: r.status, retryAfter: r.headers['retry-after'], body: r.body })),
    );
    const through = statuses.filter((s) => s.status !== 429);
    // createUser's own sign-in used one attempt of the window.
    expect(through.length).toBe(limit - 1);
    expect(through.every((s) => s.status === 401)).toBe(true);
    const limited = statuses.filter((s) => s.status === 429);
    expect(limited).toHaveLength(1000 - (limit - 1));
    expect(limited.every((s) => Number(s.retryAfter) > 0 && Number(s.retryAfter) <= 900)).toBe(true);
    expect(limited[0].body).toMatchObject({ statusCode: 429, code: 'rate_limited', error: 'Too Many Requests', details: { retryAfterSeconds: expect.any(Number) } });
    await t.http.post('/api/v1/auth/sign-in').send({ email: u.user.email, password: u.password }).expect(429);
    const [{ failed, tripped }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE action = 'auth.sign_in_failed')::int AS failed,
              count(*) FILTER (WHERE action = 'auth.sign_in_rate_limited')::int AS tripped FROM audit_log`,
    );
    expect({ failed, tripped }).toEqual({ failed: limit - 1, tripped: 1 });
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
  });

  it('holds the limit across two API processes sharing Redis', async () => {
    // A second app on the same Redis prefix: two processes of one deployment.
    const other = await createTestApp({ env: { REDIS_PREFIX: t.redisPrefix } });
    try {
      const limit = t.app.get(AppConfig).SIGNIN_LIMIT_PER_ACCOUNT;
      const statuses = await inBatches(40, 10, (i) =>
        (i % 2 ? t : other).http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', `192.0.2.${i}`)
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
});
