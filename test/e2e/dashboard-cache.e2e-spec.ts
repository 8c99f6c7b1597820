import Redis from 'ioredis';
import { StatsCache } from '@gcm/platform';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { pledgeBody, publishedPledge } from '../helpers/pledges';
import { listenerPids, sql, until } from '../helpers/stats-cache';
import { createTestApp, TestApp } from '../helpers/test-app';

/** Both processes' invalidation window: long enough that a burst in SQL lands inside it on a busy machine. */
const WINDOW_MS = 1000;

/** Two API processes on one database and one Redis prefix, as in a deployment with several API instances. */
describe('stats cache across API processes', () => {
  let one: TestApp;
  let two: TestApp;
  let focal: CreatedUser;
  let secretariat: CreatedUser;

  beforeAll(async () => {
    one = await createTestApp({ env: { STATS_CACHE_TTL_SECONDS: '86400', STATS_INVALIDATION_WINDOW_MS: String(WINDOW_MS) } });
    two = await createTestApp({
      env: { DATABASE_URL: one.db.url, REDIS_PREFIX: one.redisPrefix, STATS_CACHE_TTL_SECONDS: '86400', STATS_INVALIDATION_WINDOW_MS: String(WINDOW_MS) },
    });
    focal = await createUser(one, { role: 'focal_point', organisationAlpha3: 'MEX' });
    secretariat = await createUser(one, { role: 'secretariat' });
    await publishedPledge(one, focal, secretariat, pledgeBody({ scope: null }));
  });
  afterAll(async () => {
    await redis.quit();
    await two.close();
    await one.close();
  });

  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const generation = async () => Number((await redis.get(`${one.redisPrefix}:stats:gen`)) ?? 0);

  const pledges = async (t: TestApp) => (await t.http.get('/api/v1/stats/headline').expect(200)).body.pledges as number;

  it('a publication through one process is seen by the other, which had the old figures in memory', async () => {
    expect(await pledges(two)).toBe(1);
    const cached = await two.http.get('/api/v1/stats/headline').expect(200);
    expect(cached.headers['cache-control']).toMatch(/^public/);
    await two.http.get('/api/v1/stats/headline').set('If-None-Match', cached.headers.etag).expect(304);

    await publishedPledge(one, focal, secretariat, pledgeBody({ title: 'A second Mexican pledge', scope: null }));
    expect(await pledges(one)).toBe(2);
    const deadline = Date.now() + 5000;
    let seen = await pledges(two);
    while (seen !== 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await pledges(two);
    }
    expect(seen).toBe(2);
    await two.http.get('/api/v1/stats/headline').set('If-None-Match', cached.headers.etag).expect(200);
  });

  it('query parameters in another order hit the same entry; unknown parameters are still refused', async () => {
    const a = await one.http.get('/api/v1/stats/pledges-by/objective?count=primary').expect(200);
    const b = await one.http.get('/api/v1/stats/pledges-by/objective?count=primary&').expect(200);
    expect(b.headers.etag).toBe(a.headers.etag);
    await one.http.get('/api/v1/stats/pledges-by/objective?count=primary&debug=1').expect(400);
    await one.http.get('/api/v1/stats/pledges-by/objective?count=primary&debug=1').expect(400);
  });

  it('each process listens on its own connection; a rename through one is seen by both, with one generation bump', async () => {
    const organisation = async (t: TestApp) =>
      (await t.http.get('/api/v1/stats/countries/MEX').expect(200)).body.organisation.name as string;
    expect(await organisation(one)).toBe('Mexico');
    expect(await organisation(two)).toBe('Mexico');
    expect(await until(() => listenerPids(one.db.url), 'two listeners', (p) => p.length === 2)).toHaveLength(2);

    const [state] = await sql<{ id: string }>(one.db.url, `SELECT id FROM organisation WHERE country_alpha3 = 'MEX'`);
    const before = await generation();
    // A State's name follows the country list: change it the way a country-list import would, in SQL.
    await sql(one.db.url, `UPDATE organisation SET name = 'United Mexican States' WHERE id = $1`, [state.id]);
    for (const t of [one, two]) expect(await until(() => organisation(t), 'the new name', (n) => n !== 'Mexico')).toBe('United Mexican States');
    // Both processes heard the same transaction; the shared generation moved once.
    expect(await generation()).toBe(before + 1);
  });

  it('a burst of 40 commits empties the shared cache twice, not once per commit and process: the window batches across replicas', async () => {
    const gaps = async (t: TestApp) => (await t.http.get('/api/v1/stats/gaps?threshold=4').expect(200)).body as { recommendations: { paragraph: number; shortTitle: string }[] };
    const title = async (t: TestApp) => (await gaps(t)).recommendations.find((r) => r.paragraph === 103)?.shortTitle;
    await title(one);
    await title(two);
    // A quiet spell first, so that the burst's first commit is handled at once by both (one bump: the same transaction).
    await new Promise((r) => setTimeout(r, WINDOW_MS + 100));
    const before = await generation();
    const invalidations = [one, two].map((t) => t.app.get(StatsCache).invalidations);
    await sql(one.db.url, `DO $$ BEGIN
      FOR i IN 1..40 LOOP UPDATE recommendation SET short_title = 'Burst ' || i WHERE paragraph = 103; COMMIT; END LOOP;
    END $$`);
    for (const t of [one, two]) expect(await until(() => title(t), 'the last commit', (v) => v === 'Burst 40')).toBe('Burst 40');
    // Each process handled the burst in (at most) two batches — its first commit at once, the rest when the window ended…
    [one, two].forEach((t, i) => expect(t.app.get(StatsCache).invalidations - invalidations[i]).toBeLessThanOrEqual(2));
    // …and the shared generation moved once per batch, not once per process: the second process found every transaction handled.
    expect(await generation() - before).toBeLessThanOrEqual(2);
    expect(await generation() - before).toBeGreaterThanOrEqual(1);
  });

  it('a change through the API of one process is seen by the other on its next requests', async () => {
    const paragraph = async (t: TestApp) => ((await t.http.get('/api/v1/stats/gaps?threshold=5').expect(200)).body.recommendations as
      { paragraph: number; shortTitle: string }[]).find((r) => r.paragraph === 102);
    const seenBy = async (t: TestApp) => JSON.stringify(await paragraph(t));
    const was = await seenBy(two);
    await one.http.patch('/api/v1/framework/recommendations/102').set(bearer(secretariat.accessToken))
      .send({ shortTitle: 'Non-refoulement, everywhere' }).expect(200);
    expect(await seenBy(one)).toContain('Non-refoulement, everywhere');
    expect(await until(() => seenBy(two), 'the edit', (v) => v !== was)).toContain('Non-refoulement, everywhere');
  });
});
