import { bearer, createUser, CreatedUser } from './auth';
import { createPledge, openCycle, pledgeBody, publishedPledge, text } from './pledges';
import type { TestApp } from './test-app';

export interface DashboardFixture {
  secretariat: CreatedUser;
  fra: CreatedUser;
  ken: CreatedUser;
  bra: CreatedUser;
  ngo: CreatedUser;
  ngoId: string;
  /** Published pledges: A (France), B (Kenya), C (an NGO). */
  a: { id: string; reference: string };
  b: { id: string; reference: string };
  c: { id: string; reference: string };
  /** Brazil's pledge, published then withdrawn before the first cycle: listed, never counted. */
  withdrawn: { id: string; reference: string };
  /** Titles that exist only in unpublished data and must never reach the public. */
  secretTitles: string[];
  /** The contact e-mail given with every fixture pledge (private). */
  contactEmail: string;
  /** A word found only in pledge B's description. */
  searchWord: string;
}

const body = (extra: Record<string, unknown>) => pledgeBody(extra);

async function ok(res: { status: number; body: unknown }, what: string, status = 200): Promise<void> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

async function update(t: TestApp, focal: CreatedUser, pledgeId: string, cycle: string, status: string, percent: number) {
  const res = await t.http.post(`/api/v1/pledges/${pledgeId}/updates`).set(bearer(focal.accessToken))
    .send({ cycle, status, percentComplete: percent, actionsTaken: `Work done in ${cycle}: new coordination centre opened.` });
  await ok(res, `update ${cycle}`, 201);
  const submitted = await t.http.post(`/api/v1/updates/${res.body.id}/submit`).set(bearer(focal.accessToken)).send({});
  await ok(submitted, `submit update ${cycle}`);
  return res.body.id as string;
}

async function validate(t: TestApp, secretariat: CreatedUser, updateId: string): Promise<void> {
  await ok(await t.http.post(`/api/v1/updates/${updateId}/validate`).set(bearer(secretariat.accessToken)).send({}), 'validate');
}

/**
 * A small world with known figures, built through the public and workspace
 * API (so triggers, read model and cache see the real write paths):
 *   A  France, objectives 8 (primary) + 5, scope FRA, ITA and Southern Europe, policy
 *      — then revised in draft with a new title that stays unpublished
 *   B  Kenya, objective 2, no scope, financial
 *   C  an NGO (civil society), objectives 8 (primary) + 23, no scope, technical
 *   withdrawn  Brazil, objective 8, published then withdrawn
 *   a draft by France and a submitted, unpublished pledge by Kenya, both on objective 1
 * Cycles: 2025-H2 (A validated on_track, then closed), 2026-H1 open (A validated
 * achieved, B submitted on_track but not validated).
 */
export async function buildDashboardFixture(t: TestApp): Promise<DashboardFixture> {
  const secretariat = await createUser(t, { role: 'secretariat' });
  const fra = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
  const ken = await createUser(t, { role: 'focal_point', organisationAlpha3: 'KEN' });
  const bra = await createUser(t, { role: 'focal_point', organisationAlpha3: 'BRA' });
  const [{ id: ngoId }] = await t.dataSource.query(
    `INSERT INTO organisation (kind, name, version) VALUES ('civil_society', 'Sea Rescue Alliance', 1) RETURNING id`,
  );
  const ngo = await createUser(t, { role: 'focal_point', organisationId: ngoId });
  const searchWord = 'hydrogeology';

  const a = await publishedPledge(t, fra, secretariat, body({
    alignment: { objectives: [{ number: 8, primary: true }, { number: 5 }], principles: ['a'], recommendations: [101], commitments: [] },
    scope: { countries: ['FRA', 'ITA'], regions: ['039'] },
  }));
  const b = await publishedPledge(t, ken, secretariat, body({
    title: 'Drought resilience for pastoralist communities in Turkana',
    description: text(400, `Boreholes and ${searchWord} surveys so that herders need not migrate in distress`),
    form: 'financial',
    alignment: { objectives: [{ number: 2, primary: true }], principles: ['b'], recommendations: [], commitments: [] },
    scope: null,
  }));
  const c = await publishedPledge(t, ngo, secretariat, body({
    title: 'Independent monitoring of deaths at sea',
    form: 'technical',
    alignment: { objectives: [{ number: 8, primary: true }, { number: 23 }], principles: [], recommendations: [], commitments: [] },
    scope: null,
  }));
  const withdrawn = await publishedPledge(t, bra, secretariat, body({
    title: 'Withdrawn Brazilian pledge on missing migrants',
    form: 'process',
    alignment: { objectives: [{ number: 8, primary: true }], principles: [], recommendations: [], commitments: [] },
    scope: { countries: ['BRA'], regions: [] },
  }));
  await ok(
    await t.http.post(`/api/v1/pledges/${withdrawn.id}/withdraw`).set(bearer(bra.accessToken)).send({ reason: 'Superseded by a national plan.' }),
    'withdraw',
  );
  // Its public life ended before the first cycle began, so it owes no cycle an update (a pledge withdrawn during a
  // cycle still owes that cycle one: see cycle-population.e2e-spec.ts). The API stamps "now"; the dates are moved back.
  await t.dataSource.query(
    `UPDATE pledge SET first_published_at = '2025-02-01T10:00:00Z', published_at = '2025-02-01T10:00:00Z', withdrawn_at = '2025-03-01T10:00:00Z'
      WHERE id = $1`,
    [withdrawn.id],
  );
  const secretTitles = ['Confidential French draft on data', 'Kenyan pledge still under review', 'Unpublished revision title'];
  const oneObjective = { objectives: [{ number: 1, primary: true }], principles: [], recommendations: [], commitments: [] };
  await createPledge(t, fra, body({ title: secretTitles[0], alignment: oneObjective }));
  const pending = await createPledge(t, ken, body({ title: secretTitles[1], alignment: oneObjective, form: 'process' }));
  await ok(await t.http.post(`/api/v1/pledges/${pending.id}/submit`).set(bearer(ken.accessToken)).send({}), 'submit');
  const [{ version }] = await t.dataSource.query('SELECT version FROM pledge WHERE id = $1', [a.id]);
  await ok(
    await t.http.patch(`/api/v1/pledges/${a.id}`).set(bearer(fra.accessToken)).set('If-Match', `"${version}"`).send({ title: secretTitles[2] }),
    'revise',
  );

  await openCycle(t, secretariat, { code: '2025-H2', periodStart: '2025-07-01', periodEnd: '2025-12-31', deadline: '2099-12-31' });
  await validate(t, secretariat, await update(t, fra, a.id, '2025-H2', 'on_track', 40));
  await ok(await t.http.post('/api/v1/cycles/2025-H2/close').set(bearer(secretariat.accessToken)).send({}), 'close 2025-H2');
  await openCycle(t, secretariat, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
  await validate(t, secretariat, await update(t, fra, a.id, '2026-H1', 'achieved', 100));
  await update(t, ken, b.id, '2026-H1', 'on_track', 30);

  return { secretariat, fra, ken, bra, ngo, ngoId, a, b, c, withdrawn, secretTitles, contactEmail: 'private.contact@example.gov', searchWord };
}
