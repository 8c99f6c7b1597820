import { DataSource } from 'typeorm';

/** Arbitrary but fixed: every process of this app contends for the same lock. */
export const MIGRATION_LOCK_KEY = 72_019_0195;

/**
 * Runs pending migrations (and then `afterMigrate`, e.g. idempotent seeding)
 * while holding a session-level advisory lock, so that an API and a worker
 * starting together never run the same migration twice.
 */
export async function migrateUnderLock(
  dataSource: DataSource,
  afterMigrate?: (ds: DataSource) => Promise<void>,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      if (afterMigrate) await afterMigrate(dataSource);
      return ran.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** SQL that the entities would need but the migrations do not produce: empty means no drift. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
