import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/db', REDIS_URL: 'redis://localhost:6379' };

describe('loadConfig', () => {
  it('accepts a minimal environment and fills defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ PORT: 3000, REDIS_PREFIX: 'gcm', NODE_ENV: 'development' });
  });

  it.each([
    [{ REDIS_URL: base.REDIS_URL }, /DATABASE_URL is required/],
    [{ ...base, DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ URL/],
    [{ ...base, PORT: 'eighty' }, /PORT/],
    [{ ...base, PORT: '70000' }, /PORT/],
    [{ ...base, SMTP_URL: 'http://mail' }, /SMTP_URL/],
    [{ ...base, NODE_ENV: 'production' }, /AUTH_SECRET must be set in production/],
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
