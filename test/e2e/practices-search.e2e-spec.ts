import { textSearchSql } from '@gcm/platform';
import { createTestApp, TestApp } from '../helpers/test-app';

/** Searches of the 61 seeded practice cards, typed the way people type them. */
describe('practices search: what people type', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const search = async (q: string, extra = '') => {
    const res = await t.http.get(`/api/v1/practices?limit=100&q=${encodeURIComponent(q)}${extra}`).expect(200);
    return res.body.items.map((p: { code: string }) => p.code) as string[];
  };

  it('finds a State by its name or its demonym, best match first', async () => {
    const venezuela = await search('Venezuela');
    expect(venezuela).toEqual(expect.arrayContaining(['2.1.9', '3.1.6']));
    expect(venezuela[0]).toBe('2.1.9'); // "Temporary protection for Venezuelan migrants": the title outranks the narrative
    expect((await search('Venezuelans')).sort()).toEqual([...venezuela].sort());
    expect((await search('Mexican')).sort()).toEqual((await search('Mexico')).sort());
  });

  it('ignores accents and case', async () => {
    const mexico = await search('Mexico');
    expect(mexico).toEqual(expect.arrayContaining(['1.1.5']));
    expect(await search('México')).toEqual(mexico);
    expect(await search('MÉXICO')).toEqual(mexico);
  });

  it('joins irregular plurals: child and children return the same cards', async () => {
    const child = await search('child');
    expect(child).toEqual(expect.arrayContaining(['1.1.5', '1.1.6', '1.2.1'])); // "child migration", "women and children", "child labour"
    expect(await search('children')).toEqual(child);
    expect((await search('women')).sort()).toEqual((await search('woman')).sort());
  });

  it('splits words joined by slashes and hyphens', async () => {
    expect(await search('missing migrants')).toContain('1.1.6'); // the card says "disappeared/missing migrants"
    expect(await search('disappeared/missing')).toContain('1.1.6');
    expect(await search('COVID 19')).toEqual(await search('COVID-19'));
    expect(await search('COVID 19')).toContain('3.1.7');
  });

  it('matches the last word as a prefix while it is typed', async () => {
    expect(await search('Venez')).toContain('2.1.9');
    expect(await search('temporary protection for Venezu')).toEqual(['2.1.9']);
    // A finished word (followed by a space) is no longer a prefix.
    expect((await search('protect ')).length).toBeLessThanOrEqual((await search('protect')).length);
  });

  it('searches the resources and the organisation', async () => {
    expect(await search('Mercosur')).toEqual(['1.2.8']); // only in the card's resources
    expect(await search('Centroamerica')).toEqual(['1.1.5']); // "Centroamérica", only in its resources
    expect((await search('SOS Villages')).sort()).toEqual(['1.1.5', '3.1.6']); // the organisation
  });

  it('answers 200 with no match, never 500, for any text', async () => {
    for (const q of ["'", '"', '\\', '&|!:*()', "a'b\\c:*", '"unbalanced phrase', '-', 'or', 'the', '!!!', '((x', '🙂', 'x'.repeat(200)]) {
      const res = await t.http.get(`/api/v1/practices?q=${encodeURIComponent(q)}`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
      expect(Array.isArray(res.body.items)).toBe(true);
    }
    expect(await search('"missing migrants" -Libya')).toContain('1.1.6');
  });

  it('keeps the search on the GIN index', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('SET enable_seqscan = off');
      const plan = await runner.query(`EXPLAIN SELECT code FROM practice p WHERE ${textSearchSql('p.search', '$1').where}`, ['Venez']);
      expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('ix_practice_search');
    } finally {
      await runner.release();
    }
  });

  it('filters by session code as well as ordinal, and refuses a malformed session', async () => {
    const byOrdinal = await search('migrants', '&session=1');
    expect(byOrdinal.length).toBeGreaterThan(0);
    expect(await search('migrants', '&session=1.1')).toEqual(byOrdinal);
    const seventh = (await t.http.get('/api/v1/practices?session=7&limit=100').expect(200)).body;
    const code = (await t.http.get('/api/v1/practices?session=3.2&limit=100').expect(200)).body;
    expect(code).toEqual(seventh);
    expect(code.items.every((p: { sessionCode: string }) => p.sessionCode === '3.2')).toBe(true);
    for (const bad of ['abc', '1.1.1', '0', '1.', '-1']) {
      const res = await t.http.get(`/api/v1/practices?session=${encodeURIComponent(bad)}`).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'session' })]);
    }
  });
});
