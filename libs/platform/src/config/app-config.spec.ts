import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/db', REDIS_URL: 'redis://localhost:6379' };

describe('loadConfig', () => {
  it('accepts a minimal environment and fills defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ PORT: 3000, REDIS_PREFIX: 'gcm', NODE_ENV: 'development' });
    expect(c).toMatchObject({ MIGRATE_ON_START: true, DATABASE_POOL_SIZE: 10, APP_NAME: 'gcm-tracker' });
    expect(c.HOST).toBeUndefined();
  });

  it('reads the start-up switches and the pool size', () => {
    const c = loadConfig({ ...base, MIGRATE_ON_START: 'false', DATABASE_POOL_SIZE: '25', HOST: '127.0.0.1' });
    expect(c).toMatchObject({ MIGRATE_ON_START: false, DATABASE_POOL_SIZE: 25, HOST: '127.0.0.1' });
    expect(loadConfig({ ...base, MIGRATE_ON_START: 'true', HOST: '::' })).toMatchObject({ MIGRATE_ON_START: true, HOST: '::' });
    expect(loadConfig({ ...base, HOST: 'api.internal' }).HOST).toBe('api.internal');
  });

  it.each([
    [{ REDIS_URL: base.REDIS_URL }, /DATABASE_URL is required/],
    [{ ...base, DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ URL/],
    [{ ...base, PORT: 'eighty' }, /PORT/],
    [{ ...base, PORT: '70000' }, /PORT/],
    [{ ...base, SMTP_URL: 'http://mail' }, /SMTP_URL/],
    [{ ...base, NODE_ENV: 'production' }, /AUTH_SECRET must be set in production/],
    [{ ...base, MIGRATE_ON_START: 'yes' }, /MIGRATE_ON_START must be true or false/],
    [{ ...base, MIGRATE_ON_START: '0' }, /MIGRATE_ON_START must be true or false/],
    [{ ...base, DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE must be a whole number from 1 to 1000/],
    [{ ...base, DATABASE_POOL_SIZE: 'many' }, /DATABASE_POOL_SIZE must be a whole number from 1 to 1000/],
    [{ ...base, HOST: 'http://0.0.0.0' }, /HOST must be an IP address or a host name/],
    // docker-compose's former fallback: published, so never a production secret.
    [{ ...base, NODE_ENV: 'production', AUTH_SECRET: 'change-me-to-a-long-random-secret-of-32-chars' }, /AUTH_SECRET must be set in production/],
    [{ ...base, HTTP_REQUEST_TIMEOUT_MS: '500' }, /HTTP_REQUEST_TIMEOUT_MS/],
    [{ ...base, HTTP_REQUEST_TIMEOUT_MS: '10000', HTTP_HEADERS_TIMEOUT_MS: '20000' }, /HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS/],
    [{ ...base, SIGNIN_SLOWDOWN_MAX_MS: 'soon' }, /SIGNIN_SLOWDOWN_MAX_MS/],
  ])('stops with one line naming the variable (%#)', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (err) {
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
