import { buildDashboardFixture, DashboardFixture } from '../helpers/dashboard-fixture';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * Issue 16 item 7, "from a figure to the pledges behind it": the public pledge
 * list filtered to a cycle's population (cycle + reported) by the reporting
 * lib's population rule lists exactly the pledges the dashboards count.
 */
describe('public pledge list filtered to a cycle population', () => {
  let t: TestApp;
  let f: DashboardFixture;

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
  });
  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await t.http.get(`/api/v1/pledges?${query}&limit=100`).expect(200);
    return res.body as { total: number; items: { reference: string }[] };
  };
  const refs = (l: { items: { reference: string }[] }) => l.items.map((i) => i.reference).sort();

  it('owed, validated and not-reported lists total what the stats count for the cycle', async () => {
    for (const cycle of ['2025-H2', '2026-H1']) {
      const headline = (await t.http.get(`/api/v1/stats/headline?cycle=${cycle}`).expect(200)).body as { pledges: number };
      const status = (await t.http.get(`/api/v1/stats/status?cycle=${cycle}`).expect(200)).body as { total: number; reportedInCycle: number };
      const owed = await list(`cycle=${cycle}&reported=owed`);
      const validated = await list(`cycle=${cycle}&reported=validated`);
      expect(owed.total).toBe(headline.pledges);
      expect(owed.total).toBe(status.total);
      expect(validated.total).toBe(status.reportedInCycle);
      // Withdrawn before the first cycle: owes no cycle an update, so never in a population.
      expect(refs(owed)).not.toContain(f.withdrawn.reference);
    }
    // 2026-H1: A validated, B submitted (counted as reported, not validated), C nothing.
    expect(refs(await list('cycle=2026-H1&reported=validated'))).toEqual([f.a.reference]);
    expect(refs(await list('cycle=2026-H1&reported=not-reported'))).toEqual([f.c.reference]);
    expect(refs(await list('cycle=2026-H1&reported=owed'))).toEqual([f.a, f.b, f.c].map((p) => p.reference).sort());
    // The other filters narrow the population as they narrow the list.
    expect(refs(await list('cycle=2026-H1&reported=owed&country=FRA'))).toEqual([f.a.reference]);
  });

  it('refuses a reported value it does not know, or one without a cycle, with field errors', async () => {
    const bad = await t.http.get('/api/v1/pledges?cycle=2026-H1&reported=sometimes').expect(400);
    expect(JSON.stringify(bad.body)).toContain('reported');
    const alone = await t.http.get('/api/v1/pledges?reported=owed').expect(400);
    expect(JSON.stringify(alone.body)).toContain('reported');
  });
});
