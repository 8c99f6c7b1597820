import { DataSource } from 'typeorm';
import { pendingSchemaChanges } from '@gcm/platform';
import { withApiContext } from './app-context';
import { dropDatabase, ensureDatabase, withDatabase } from './postgres.util';
import { ensureServices } from './services';

/**
 * Fails when the entities need schema changes that the committed migrations
 * do not make (run `npm run migration:generate -- libs/platform/src/database/migrations/Name`).
 */
export async function checkMigrationDrift(serverUrl: string): Promise<string[]> {
  const name = `gcm_drift_${process.pid}_${Date.now()}`;
  const url = withDatabase(serverUrl, name);
  await ensureDatabase(url);
  try {
    return await withApiContext(url, (ctx) => pendingSchemaChanges(ctx.get(DataSource)));
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

if (require.main === module) {
  void (async () => {
    const services = await ensureServices('postgres');
    process.env.REDIS_URL = services.redisUrl;
    try {
      const drift = await checkMigrationDrift(services.databaseUrl);
      if (drift.length) {
        process.stderr.write(`Entities and migrations drift; missing:\n${drift.map((q) => `  ${q}`).join('\n')}\n`);
        process.exitCode = 1;
      } else {
        process.stdout.write('migrations match the entities\n');
      }
    } finally {
      await services.stop();
    }
  })().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
