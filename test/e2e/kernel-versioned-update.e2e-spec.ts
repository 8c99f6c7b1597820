import { DataSource } from 'typeorm';
import { dataSourceOptions, DomainError, ErrorCode, updateVersioned } from '@gcm/platform';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

/**
 * The one optimistic-version write every lib uses (pledges, updates, cycles,
 * evidence, practices, expert reports), on real PostgreSQL: of two writers that
 * read the same version exactly one wins, and the other learns the version that won.
 */
describe('updateVersioned (platform kernel)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const row = { table: 'kernel_probe', what: 'probe', key: 'a' };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, [], { size: 4, appName: 'gcm-kernel-test' }));
    await ds.initialize();
    await ds.query(`CREATE TABLE kernel_probe (id text PRIMARY KEY, note text, version int NOT NULL, updated_at timestamptz)`);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => ds.query(`TRUNCATE kernel_probe; INSERT INTO kernel_probe VALUES ('a', 'first', 1, NULL)`));

  const conflictOf = async (p: Promise<unknown>) => {
    const err = await p.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(ErrorCode.VersionConflict);
    return err as DomainError;
  };

  it('bumps the version, sets the columns and updated_at, and returns the row when asked', async () => {
    const after = await ds.transaction((m) => updateVersioned<{ note: string; version: number }>(m, row, 1, 'note = $3', ['second'], 'note, version'));
    expect(after).toEqual({ note: 'second', version: 2 });
    const [stored] = await ds.query(`SELECT note, version, updated_at IS NOT NULL AS touched FROM kernel_probe`);
    expect(stored).toEqual({ note: 'second', version: 2, touched: true });
  });

  it('refuses a stale version with 409, the current version and its ETag, and changes nothing', async () => {
    await ds.query(`UPDATE kernel_probe SET version = 3`);
    const err = await conflictOf(ds.transaction((m) => updateVersioned(m, row, 2, 'note = $3', ['lost'])));
    expect(err.details).toEqual({ currentVersion: 3 });
    expect(err.headers).toEqual({ ETag: '"3"' });
    expect((await ds.query(`SELECT note FROM kernel_probe`))[0].note).toBe('first');
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const write = (note: string) => ds.transaction(async (m) => {
      await updateVersioned(m, row, 1, 'note = $3', [note]);
      await new Promise((r) => setTimeout(r, 100)); // hold the row lock so the other writer waits on it
    });
    const results = await Promise.allSettled([write('one'), write('two')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as DomainError).details).toEqual({ currentVersion: 2 });
    const [stored] = await ds.query(`SELECT note, version FROM kernel_probe`);
    expect(stored.version).toBe(2);
    expect(['one', 'two']).toContain(stored.note);
  });

  it('keeps updated_at alone for tables without one, and never splices an unsafe identifier into SQL', async () => {
    await ds.transaction((m) => updateVersioned(m, { ...row, touch: false }, 1));
    expect((await ds.query(`SELECT version, updated_at FROM kernel_probe`))[0]).toEqual({ version: 2, updated_at: null });
    await expect(ds.transaction((m) => updateVersioned(m, { ...row, table: 'kernel_probe; DROP TABLE kernel_probe' }, 2))).rejects.toThrow(/bad identifier/);
    expect((await ds.query(`SELECT count(*)::int AS n FROM kernel_probe`))[0].n).toBe(1);
  });
});
