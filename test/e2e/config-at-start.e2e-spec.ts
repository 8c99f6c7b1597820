import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp } from '../helpers/test-app';
import { repoRoot } from '../support/worker-process';

/** The compiled API or worker with one bad variable: it must stop before touching anything. */
function start(app: 'api' | 'worker', env: Record<string, string>) {
  const main = join(repoRoot(), 'dist', 'apps', app, 'src', 'main.js');
  return spawnSync(process.execPath, [main], {
    env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('configuration is validated at start', () => {
  it.each([
    ['api', { MIGRATE_ON_START: 'yes' }, 'MIGRATE_ON_START must be true or false'],
    ['worker', { MIGRATE_ON_START: 'no' }, 'MIGRATE_ON_START must be true or false'],
    ['api', { DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 1000'],
    ['api', { HOST: 'http://example.org' }, 'HOST must be an IP address or a host name'],
    ['api', { TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be false, true, a hop count'],
    ['worker', { SHUTDOWN_TIMEOUT_MS: '10' }, 'SHUTDOWN_TIMEOUT_MS must be a whole number from 1000 to 600000'],
    // A feature's own setting (reporting) is validated with the rest, before the app is built.
    ['api', { CYCLE_CADENCE: 'monthly' }, 'CYCLE_CADENCE must be one of'],
  ] as const)('%s with %j stops with exit code 78 and one line naming it', (app, env, message) => {
    const run = start(app, env);
    expect(run.status).toBe(78);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
  });

  it('sizes the PostgreSQL pool and names the connection from the config', async () => {
    const t = await createTestApp({ env: { DATABASE_POOL_SIZE: '3', APP_NAME: 'gcm-pool-check' } });
    try {
      const ds: DataSource = t.dataSource;
      const pool = (ds.driver as unknown as { master: { options: { max: number } } }).master;
      expect(pool.options.max).toBe(3);
      const [{ name }] = await ds.query('SELECT application_name AS name FROM pg_stat_activity WHERE pid = pg_backend_pid()');
      expect(name).toBe('gcm-pool-check');
    } finally {
      await t.close();
      delete process.env.DATABASE_POOL_SIZE;
      delete process.env.APP_NAME;
    }
  });
});
