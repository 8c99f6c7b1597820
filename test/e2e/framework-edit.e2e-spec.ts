import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Snapshot {
  recommendations: { paragraph: number; considerations: { text: string; source: string }[] }[];
  objectives: { number: number; themes: { number: number; primary: boolean }[] }[];
}

describe('framework catalogue edits by the secretariat (each a new framework version)', () => {
  let t: TestApp;
  let sec: CreatedUser;
  const snapshot = async (version: number): Promise<Snapshot> =>
    (await t.dataSource.query('SELECT snapshot FROM framework_version WHERE version = $1', [version]))[0].snapshot;

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
  });
  afterAll(() => t.close());

  it('adds an SG recommendation: version 2 holds it, version 1 is left as it was, readers see it at once', async () => {
    await t.http.get('/api/v1/framework/recommendations').expect(200).expect((r) => expect(r.body).toHaveLength(3));
    const res = await t.http.post('/api/v1/framework/recommendations').set(bearer(sec.accessToken)).send({
      paragraph: 104, shortTitle: 'Ensure access to services for all migrants', text: 'Member States should ensure access to basic services.',
      objectives: [15, 7], considerations: ['Firewalls between service providers and immigration enforcement.'], frameworkVersion: 1,
    }).expect(201);
    expect(res.body).toMatchObject({ frameworkVersion: 2, paragraph: 104, objectives: [7, 15], source: 'GCM review secretariat' });
    const list = await t.http.get('/api/v1/framework/recommendations').expect(200);
    expect(list.body.map((r: { paragraph: number }) => r.paragraph)).toEqual([101, 102, 103, 104]);
    await t.http.get('/api/v1/framework/version').expect(200).expect((r) => expect(r.body.version).toBe(2));
    const fifteen = await t.http.get('/api/v1/framework/objectives/15').expect(200);
    expect(fifteen.body.recommendations).toContainEqual({ paragraph: 104, shortTitle: 'Ensure access to services for all migrants' });
    expect((await snapshot(1)).recommendations).toHaveLength(3);
    expect((await snapshot(2)).recommendations).toHaveLength(4);
    const [v2] = await t.dataSource.query('SELECT created_by, note FROM framework_version WHERE version = 2');
    expect(v2).toEqual({ created_by: sec.user.id, note: 'Recommendation 104 added' });
    await t.http.post('/api/v1/framework/recommendations').set(bearer(sec.accessToken))
      .send({ paragraph: 104, shortTitle: 'Again', text: 'Again' }).expect(409);
  });

  it('edits considerations: an unchanged text keeps its IOM source, a new one is the secretariat\'s', async () => {
    const before = (await t.http.get('/api/v1/framework/recommendations/103').expect(200)).body;
    expect(before.considerations).toHaveLength(1);
    const kept = before.considerations[0].text;
    const res = await t.http.patch('/api/v1/framework/recommendations/103').set(bearer(sec.accessToken))
      .send({ considerations: ['Digital civil registration for migrants in transit.', kept], note: 'IMRF 2026 preparation' }).expect(200);
    expect(res.body.frameworkVersion).toBe(3);
    expect(res.body.considerations).toEqual([
      { position: 1, text: 'Digital civil registration for migrants in transit.', source: 'GCM review secretariat' },
      { position: 2, text: kept, source: before.considerations[0].source },
    ]);
    expect((await snapshot(2)).recommendations.find((r) => r.paragraph === 103)!.considerations).toHaveLength(1);
    await t.http.patch('/api/v1/framework/recommendations/999').set(bearer(sec.accessToken)).send({ text: 'x' }).expect(404);
    await t.http.patch('/api/v1/framework/recommendations/103').set(bearer(sec.accessToken)).send({ objectives: [24] }).expect(400);
  });

  it('changes the crosswalk with exactly one primary theme, and refuses a stale framework version (409)', async () => {
    const res = await t.http.put('/api/v1/framework/objectives/8/themes').set(bearer(sec.accessToken))
      .send({ themes: [3, 2], primary: 3, frameworkVersion: 3 }).expect(200);
    expect(res.body).toEqual({ frameworkVersion: 4, number: 8, themes: [{ number: 3, primary: true }, { number: 2, primary: false }] });
    const eight = await t.http.get('/api/v1/framework/objectives/8').expect(200);
    expect(eight.body.themes.map((th: { number: number; primary: boolean }) => [th.number, th.primary])).toEqual([[3, true], [2, false]]);
    expect((await snapshot(3)).objectives.find((o) => o.number === 8)!.themes.map((th) => th.number)).toEqual([1, 2]);
    const stale = await t.http.put('/api/v1/framework/objectives/8/themes').set(bearer(sec.accessToken))
      .send({ themes: [1], primary: 1, frameworkVersion: 3 }).expect(409);
    expect(stale.body.details).toEqual({ currentVersion: 4 });
    await t.http.put('/api/v1/framework/objectives/8/themes').set(bearer(sec.accessToken)).send({ themes: [1, 2], primary: 4 }).expect(400);
    await t.http.put('/api/v1/framework/objectives/8/themes').set(bearer(sec.accessToken)).send({ themes: [9], primary: 9 }).expect(400);
    await t.http.put('/api/v1/framework/objectives/42/themes').set(bearer(sec.accessToken)).send({ themes: [1], primary: 1 }).expect(404);
    await t.http.put('/api/v1/framework/objectives/8/themes').set(bearer(sec.accessToken)).send({ themes: [], primary: 1 }).expect(400);
    const [{ versions }] = await t.dataSource.query('SELECT max(version)::int AS versions FROM framework_version');
    expect(versions).toBe(4);
  });
});
