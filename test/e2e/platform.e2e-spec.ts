import { FrameworkSeeder } from '@gcm/framework';
import { PracticesImporter } from '@gcm/practices';
import { migrateUnderLock, pendingSchemaChanges } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/test-app';
import { createTestDatabase } from '../helpers/test-database';

async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const rows: { t: string; n: number }[] = await ds.query(`
    SELECT 'objective' t, count(*)::int n FROM objective UNION ALL SELECT 'commitment', count(*)::int FROM commitment
    UNION ALL SELECT 'country', count(*)::int FROM country UNION ALL SELECT 'framework_version', count(*)::int FROM framework_version
    UNION ALL SELECT 'practice', count(*)::int FROM practice UNION ALL SELECT 'audit_log', count(*)::int FROM audit_log`);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

describe('platform: migrations, seeding, audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has no drift between entities and committed migrations', async () => {
    expect(await pendingSchemaChanges(t.dataSource)).toEqual([]);
  });

  it('seeding again changes nothing', async () => {
    const before = await tableCounts(t.dataSource);
    expect(before).toMatchObject({ objective: 23, commitment: 30, country: 195, framework_version: 1, practice: 61 });
    await expect(t.app.get(FrameworkSeeder).seed(t.dataSource)).resolves.toEqual({ seeded: false });
    await expect(t.app.get(PracticesImporter).seedIfEmpty()).resolves.toBeNull();
    await migrateUnderLock(t.dataSource);
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log in SQL', async () => {
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int n FROM audit_log');
    expect(n).toBeGreaterThan(0);
    await expect(t.dataSource.query("UPDATE audit_log SET action = 'tampered'")).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [{ m }] = await t.dataSource.query('SELECT count(*)::int m FROM audit_log');
    expect(m).toBe(n);
  });

  it('lets two processes migrate an empty database at once without colliding', async () => {
    const db = await createTestDatabase();
    const empty = new DataSource({ type: 'postgres', url: db.url });
    await empty.initialize();
    await empty.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await empty.destroy();
    const { dataSourceOptions } = await import('@gcm/platform');
    const make = () => new DataSource(dataSourceOptions(db.url, []));
    const [a, b] = [make(), make()];
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [ranA, ranB] = await Promise.all([migrateUnderLock(a), migrateUnderLock(b)]);
      expect(ranA.length + ranB.length).toBe(ranA.length || ranB.length);
      const rows = await a.query('SELECT name FROM migrations');
      expect(new Set(rows.map((r: { name: string }) => r.name)).size).toBe(rows.length);
      expect(rows.length).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await db.drop();
    }
  });
});
