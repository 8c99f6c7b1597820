import { textSearchSql } from '@gcm/platform';
import { createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { publishedPledge, text } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

/** Public pledge search: the same machinery as the practices search, over published pledges. */
describe('pledges search: what people type', () => {
  let t: TestApp;
  let secretariat: CreatedUser;
  let ngoOrgId: string;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await createUser(t, { role: 'secretariat' });
    const col = await createUser(t, { role: 'focal_point', organisationAlpha3: 'COL' });
    const [org] = await t.dataSource.query("INSERT INTO organisation (kind, name, version) VALUES ('civil_society', 'Red de Acogida Fronteriza', 1) RETURNING id");
    ngoOrgId = org.id;
    const ngo = await createUser(t, { role: 'focal_point', organisationId: ngoOrgId });
    refs.bogota = (await publishedPledge(t, col, secretariat, {
      title: 'Integration of Venezuelan migrants in Bogotá',
      description: text(400, 'Schooling, health care and work permits for families who arrived'),
    })).reference;
    refs.children = (await publishedPledge(t, ngo, secretariat, {
      title: 'Safe schooling for migrant children',
      description: text(400, 'Cross-border referral of disappeared/missing persons and family tracing'),
      partners: [{ name: 'Cruz Roja Mexicana' }, { organisationId: await stateOrganisationId(t, 'MEX') }],
    })).reference;
    refs.other = (await publishedPledge(t, col, secretariat, {
      title: 'Labour mobility agreements',
      description: text(400, 'Bilateral agreements mention a child once among many other words'),
    })).reference;
  });
  afterAll(() => t.close());

  const search = async (q: string) => {
    const res = await t.http.get(`/api/v1/pledges?limit=100&q=${encodeURIComponent(q)}`).expect(200);
    return res.body.items.map((p: { reference: string }) => p.reference) as string[];
  };

  it('ignores accents and joins demonyms', async () => {
    expect(await search('Bogota')).toEqual([refs.bogota]);
    expect(await search('BOGOTÁ')).toEqual([refs.bogota]);
    expect(await search('Venezuela')).toEqual([refs.bogota]);
  });

  it('joins irregular plurals and ranks a title match first', async () => {
    const child = await search('child');
    expect(child).toEqual([refs.children, refs.other]); // "children" in a title outranks "child" in a description
    expect(await search('children')).toEqual(child);
  });

  it('splits slashes and hyphens, and matches the last word as a prefix', async () => {
    expect(await search('missing persons')).toEqual([refs.children]);
    expect(await search('border referral')).toEqual([refs.children]);
    expect(await search('Integration of Venezu')).toEqual([refs.bogota]);
    expect(await search('Bog')).toEqual([refs.bogota]);
    expect(await search(refs.children)).toEqual([refs.children]);
  });

  it("searches the lead organisation's and partners' names, and follows a rename", async () => {
    expect(await search('Acogida Fronteriza')).toEqual([refs.children]);
    expect(await search('Cruz Roja')).toEqual([refs.children]);
    expect(await search('Colombia')).toEqual(expect.arrayContaining([refs.bogota, refs.other]));
    expect(await search('Mexico')).toEqual([refs.children]); // a registered partner, the State of Mexico
    await t.dataSource.query("UPDATE organisation SET name = 'Frontier Welcome Network' WHERE id = $1", [ngoOrgId]);
    expect(await search('Acogida')).toEqual([]);
    expect(await search('Frontier Welcome')).toEqual([refs.children]);
  });

  it('answers 200, never 500, for any text, and stays on the GIN index', async () => {
    for (const q of ["'", '"', '\\', '&|!:*()', "o'brien\\:*", '"open phrase', '-', 'or', '🙂']) {
      const res = await t.http.get(`/api/v1/pledges?q=${encodeURIComponent(q)}&sort=relevance`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
    }
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('SET enable_seqscan = off');
      const plan = await runner.query(`EXPLAIN SELECT id FROM pledge p WHERE ${textSearchSql('p.search', '$1').where}`, ['child']);
      expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('ix_pledge_search');
    } finally {
      await runner.release();
    }
  });
});
