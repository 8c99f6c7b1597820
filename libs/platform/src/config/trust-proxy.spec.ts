import { ConfigError, loadConfig } from './app-config';
import { parseTrustProxy } from './trust-proxy';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/db', REDIS_URL: 'redis://localhost:6379' };

describe('TRUST_PROXY', () => {
  it.each([
    ['false', false],
    ['true', true],
    ['1', 1],
    ['0', 0],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8 ,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
    ['203.0.113.7,2001:db8::1', ['203.0.113.7', '2001:db8::1']],
  ])('reads %j as Express reads it', (raw, value) => {
    expect(parseTrustProxy(raw)).toEqual(value);
  });

  it.each(['yes', '10.0.0.0/33', '2001:db8::/129', '1.2.3.4/', 'example.org', 'loopback,', '33', '10.0.0.1/8/1'])(
    'refuses %j, which Express would read differently or not at all',
    (raw) => {
      expect(parseTrustProxy(raw)).toBeUndefined();
      expect(() => loadConfig({ ...base, TRUST_PROXY: raw })).toThrow(/TRUST_PROXY must be false, true, a hop count/);
    },
  );

  it('defaults to false: X-Forwarded-For is ignored unless configured', () => {
    expect(loadConfig(base).TRUST_PROXY).toBe('false');
  });
});

describe('SHUTDOWN_GRACE_MS and SHUTDOWN_TIMEOUT_MS', () => {
  it('defaults to a 5 s grace within a 20 s bound', () => {
    expect(loadConfig(base)).toMatchObject({ SHUTDOWN_GRACE_MS: 5000, SHUTDOWN_TIMEOUT_MS: 20_000 });
  });

  it.each([
    [{ SHUTDOWN_GRACE_MS: '-1' }, /SHUTDOWN_GRACE_MS must be a whole number from 0 to 60000/],
    [{ SHUTDOWN_TIMEOUT_MS: '500' }, /SHUTDOWN_TIMEOUT_MS must be a whole number from 1000 to 600000/],
    [{ SHUTDOWN_TIMEOUT_MS: 'soon' }, /SHUTDOWN_TIMEOUT_MS must be a whole number/],
    [{ SHUTDOWN_GRACE_MS: '20000', SHUTDOWN_TIMEOUT_MS: '20000' }, /SHUTDOWN_GRACE_MS must be shorter than SHUTDOWN_TIMEOUT_MS/],
  ])('refuses %j with one line', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
