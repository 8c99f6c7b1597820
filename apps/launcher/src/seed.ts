import { ensureServices } from './services';
import { withApiContext } from './app-context';

/** `npm run seed`: migrate and seed DATABASE_URL (idempotent; a second run changes nothing). */
void (async () => {
  const services = await ensureServices(process.env.GCM_DB_NAME ?? 'gcm_tracker');
  process.env.REDIS_URL = services.redisUrl;
  try {
    await withApiContext(services.databaseUrl, async () => undefined);
    process.stdout.write('database migrated and seeded\n');
  } finally {
    await services.stop();
  }
})().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
