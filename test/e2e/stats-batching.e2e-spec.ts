import { prepareBody, publicCacheKey, StatsCache } from '@gcm/platform';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { sql, until } from '../helpers/stats-cache';
import { createTestApp, TestApp } from '../helpers/test-app';

const WINDOW_MS = 2000;

/**
 * At most one invalidation per window: a burst of changes after an
 * invalidation empties the cache once more, when the window ends; the cached
 * copies are served meanwhile, nothing computed during the window is kept,
 * and once it has ended the next request sees the last change. A write's own
 * answer waits until its change is handled, so its author's next read sees it.
 */
describe('stats cache invalidations batched per window', () => {
  let t: TestApp;
  let secretariat: CreatedUser;
  let cache: StatsCache;

  const objective5 = async () => (await t.http.get('/api/v1/stats/objectives/5').expect(200)).body;
  const title = async (paragraph: number) =>
    (await objective5()).recommendations.find((r: { paragraph: number }) => r.paragraph === paragraph).shortTitle as string;

  beforeAll(async () => {
    t = await createTestApp({ env: { STATS_CACHE_TTL_SECONDS: '86400', STATS_INVALIDATION_WINDOW_MS: String(WINDOW_MS) } });
    secretariat = await createUser(t, { role: 'secretariat' });
    cache = t.app.get(StatsCache);
    await until(async () => (await objective5(), cache.peek(publicCacheKey('/api/v1/stats/objectives/5', 'en')) !== undefined), 'a cached copy');
  });
  afterAll(() => t.close());

  it('a burst of 40 commits after an invalidation is one more; the cached copy is served until the window ends, then the last commit shows', async () => {
    // A change after a quiet spell is handled at once (an invalidation, which opens a window)…
    await sql(t.db.url, `UPDATE recommendation SET short_title = 'Burst 0' WHERE paragraph = 101`);
    await cache.settle();
    const started = Date.now();
    const invalidations = cache.invalidations;
    expect(await title(101)).toBe('Burst 0');
    // …so 40 transactions committed by the server in a few milliseconds wait for the window to end.
    await sql(t.db.url, `DO $$ BEGIN
      FOR i IN 1..40 LOOP UPDATE recommendation SET short_title = 'Burst ' || i WHERE paragraph = 101; COMMIT; END LOOP;
    END $$`);
    const during = await title(101);
    // Nothing computed while the window is open is kept, here or in Redis: it could predate a change in it.
    const key = '/api/v1/stats/computed-in-window';
    const lookup = await cache.lookup(key);
    await cache.store(lookup!, key, await prepareBody({ etag: '"w"', body: '{"w":1}' }));
    const inWindow = Date.now() - started < WINDOW_MS - 500;
    const keptInWindow = cache.peek(key);
    const redisInWindow = (await cache.lookup(key))?.hit;
    // (On a machine too busy to get this far within the window, it may have ended already.)
    if (inWindow) {
      expect(during).toBe('Burst 0');
      expect(keptInWindow).toBeUndefined();
      expect(redisInWindow).toBeUndefined();
    } else expect(['Burst 0', 'Burst 40']).toContain(during);
    expect(await until(() => title(101), 'the window to end', (v) => v === 'Burst 40')).toBe('Burst 40');
    expect(cache.invalidations - invalidations).toBe(1);
    // The window ended: values are kept again.
    expect(await title(101)).toBe('Burst 40');
    expect(cache.peek(publicCacheKey('/api/v1/stats/objectives/5', 'en'))?.source.body).toContain('Burst 40');
  });

  it("a write's answer waits for the window, so the next read sees it", async () => {
    expect(await title(101)).toBe('Burst 40');
    await t.http.patch('/api/v1/framework/recommendations/101').set(bearer(secretariat.accessToken))
      .send({ shortTitle: 'Seen after the window' }).expect(200);
    expect(await title(101)).toBe('Seen after the window');
  });
});
