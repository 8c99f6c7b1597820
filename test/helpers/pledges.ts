import { bearer, CreatedUser } from './auth';
import type { TestApp } from './test-app';

/** A description of exactly `n` characters (the limits are 300–3,000). */
export function text(n: number, seed = 'Pledge narrative'): string {
  return `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);
}

/** A complete, valid pledge body: everything needed to submit it. */
export function pledgeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Search and rescue coordination in the Mediterranean',
    description: text(600, 'Coordinated search and rescue with regional partners'),
    form: 'policy',
    alignment: {
      objectives: [{ number: 8, primary: true }, { number: 5 }],
      principles: ['a', 'c'],
      recommendations: [101],
      commitments: ['T1.C1', 'T2.C4'],
    },
    scope: { countries: ['FRA', 'ITA'], regions: ['039'] },
    startDate: '2026-01-01',
    targetDate: '2027-12-31',
    budget: { amount: 2500000, currency: 'EUR' },
    indicators: [
      {
        name: 'People rescued',
        unit: 'people',
        direction: 'increase',
        baseline: { value: 100, date: '2025-12-31' },
        target: { value: 500, date: '2027-12-31' },
        sdgIndicator: '10.7.2',
      },
    ],
    contact: { name: 'Private Person', email: 'private.contact@example.gov' },
    ...overrides,
  };
}

export async function createPledge(t: TestApp, focal: CreatedUser, overrides: Record<string, unknown> = {}) {
  const res = await t.http.post('/api/v1/pledges').set(bearer(focal.accessToken)).send(pledgeBody(overrides));
  if (res.status !== 201) throw new Error(`create pledge: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Draft → submitted → published, through the API; returns the workspace view after publication. */
export async function publishedPledge(t: TestApp, focal: CreatedUser, secretariat: CreatedUser, overrides: Record<string, unknown> = {}) {
  const draft = await createPledge(t, focal, overrides);
  const submitted = await t.http.post(`/api/v1/pledges/${draft.id}/submit`).set(bearer(focal.accessToken)).send({});
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const published = await t.http.post(`/api/v1/pledges/${draft.id}/publish`).set(bearer(secretariat.accessToken)).send({});
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

/** A cycle created by hand and opened. */
export async function openCycle(
  t: TestApp,
  secretariat: CreatedUser,
  cycle: { code: string; periodStart: string; periodEnd: string; deadline?: string; windowOpens?: string },
) {
  const created = await t.http.post('/api/v1/cycles').set(bearer(secretariat.accessToken)).send(cycle);
  if (created.status !== 201) throw new Error(`create cycle: ${created.status} ${JSON.stringify(created.body)}`);
  const opened = await t.http.post(`/api/v1/cycles/${cycle.code}/open`).set(bearer(secretariat.accessToken)).send({});
  if (opened.status !== 200) throw new Error(`open cycle: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.body;
}

export async function count(t: TestApp, table: string): Promise<number> {
  const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}
