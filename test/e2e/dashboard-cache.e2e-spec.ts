import { createUser, CreatedUser } from '../helpers/auth';
import { pledgeBody, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

/** Two API processes on one database and one Redis prefix, as in a deployment with several API instances. */
describe('stats cache across API processes', () => {
  let one: TestApp;
  let two: TestApp;
  let focal: CreatedUser;
  let secretariat: CreatedUser;

  beforeAll(async () => {
    one = await createTestApp();
    two = await createTestApp({ env: { DATABASE_URL: one.db.url, REDIS_PREFIX: one.redisPrefix } });
    focal = await createUser(one, { role: 'focal_point', organisationAlpha3: 'MEX' });
    secretariat = await createUser(one, { role: 'secretariat' });
    await publishedPledge(one, focal, secretariat, pledgeBody({ scope: null }));
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

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
});
