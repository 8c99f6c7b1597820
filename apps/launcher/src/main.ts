import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dataRoot, ensureServices } from './services';
import { supervise } from './supervisor';

/**
 * A local run has no operator to set AUTH_SECRET: generate one once and keep it
 * (owner-only) beside the embedded data, so sign-ins survive a restart.
 */
function localAuthSecret(): string {
  const file = join(dataRoot(), 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataRoot(), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    process.stdout.write(`[gcm] AUTH_SECRET not set: generated one in ${file}\n`);
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * `npm start`: PostgreSQL and Redis (given, found, or started here), then the
 * API (which migrates and seeds under an advisory lock) and the worker.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const services = await ensureServices(process.env.GCM_DB_NAME ?? 'gcm_tracker');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    PORT: String(port),
    WORKER_PORT: process.env.WORKER_PORT ?? String(port + 1),
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
  };
  if (!process.env.AUTH_SECRET) env.AUTH_SECRET = localAuthSecret();
  const dist = join(__dirname, '..', '..');
  const api = supervise('api', join(dist, 'api', 'src', 'main.js'), { ...env, APP_NAME: 'gcm-api' });
  await api.ready;
  const worker = supervise('worker', join(dist, 'worker', 'src', 'main.js'), { ...env, APP_NAME: 'gcm-worker' });
  await worker.ready;

  process.stdout.write(`\nGCM Tracker is running: ${env.PUBLIC_URL}/\n  API docs: ${env.PUBLIC_URL}/api/docs\n  health:   ${env.PUBLIC_URL}/health/ready\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`[gcm] ${signal}: stopping\n`);
    await Promise.all([api.stop(), worker.stop()]);
    await services.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void main().catch((err: Error) => {
  process.stderr.write(`GCM Tracker failed to start: ${err.message}\n`);
  process.exit(1);
});
