import { bearer, createUser, CreatedUser } from './auth';
import { openCycle, pledgeBody, publishedPledge } from './pledges';
import type { TestApp } from './test-app';

export interface WorkbenchPledge {
  id: string;
  reference: string;
  /** People rescued (people, increase) and Share coordinated (%, increase). */
  indicators: [string, string];
}

export interface WorkbenchFixture {
  focal: CreatedUser;
  secretariat: CreatedUser;
  pledges: WorkbenchPledge[];
  previous: string;
  cycle: string;
}

export const SHARE_INDICATOR = {
  name: 'Share of rescues coordinated', unit: '%', direction: 'increase', baseline: { value: 40, date: '2025-12-31' }, target: { value: 90, date: '2027-12-31' },
};

/**
 * A State's focal point with `n` published pledges, each with two indicators
 * and a submitted update for the previous cycle (2026-H1); the current cycle
 * (2026-H2) open with nothing reported yet. Built through the API.
 */
export async function workbenchFixture(t: TestApp, n: number, alpha3 = 'MEX'): Promise<WorkbenchFixture> {
  const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: alpha3 });
  const secretariat = await createUser(t, { role: 'secretariat' });
  await openCycle(t, secretariat, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
  await openCycle(t, secretariat, { code: '2026-H2', periodStart: '2026-07-01', periodEnd: '2026-12-31', deadline: '2099-12-31' });
  const indicators = [...(pledgeBody().indicators as object[]), SHARE_INDICATOR];
  const pledges: WorkbenchPledge[] = [];
  for (let i = 0; i < n; i++) {
    const p = await publishedPledge(t, focal, secretariat, { title: `Pledge ${String(i + 1).padStart(2, '0')} of ${alpha3}: coordinated rescue`, indicators });
    const pub = await t.http.get(`/api/v1/pledges/${p.reference}`).expect(200);
    const ids = pub.body.indicators.map((x: { id: string }) => x.id) as [string, string];
    pledges.push({ id: p.id, reference: p.reference, indicators: ids });
    const created = await t.http.post(`/api/v1/pledges/${p.id}/updates`).set(bearer(focal.accessToken)).send({
      cycle: '2026-H1', status: 'on_track', percentComplete: 20 + i, actionsTaken: `Half-year work on pledge ${i + 1}.`,
      measurements: [{ indicatorId: ids[0], value: 150 + i, asOf: '2026-06-30' }, { indicatorId: ids[1], value: 50, asOf: '2026-06-30' }],
      evidence: [{ url: `https://example.org/evidence/${i + 1}`, title: `Report ${i + 1}` }],
    });
    if (created.status !== 201) throw new Error(`previous update: ${created.status} ${JSON.stringify(created.body)}`);
    const sub = await t.http.post(`/api/v1/updates/${created.body.id}/submit`).set(bearer(focal.accessToken)).send({});
    if (sub.status !== 200) throw new Error(`submit previous: ${sub.status} ${JSON.stringify(sub.body)}`);
  }
  pledges.sort((a, b) => a.reference.localeCompare(b.reference));
  return { focal, secretariat, pledges, previous: '2026-H1', cycle: '2026-H2' };
}
