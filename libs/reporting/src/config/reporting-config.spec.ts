import { ConfigError, loadConfig } from '@gcm/platform';
import { loadReportingConfig } from './reporting-config';

describe('reporting configuration', () => {
  it('defaults to two cycles a year with a deadline 45 days after the period and 10 MiB evidence files', () => {
    expect(loadReportingConfig({})).toMatchObject({ CYCLE_CADENCE: 'half-year', CYCLE_DEADLINE_DAYS: 45, EVIDENCE_MAX_BYTES: 10485760 });
  });

  it('checks evidence links with bounded waits and redirects, never reaching private addresses unless allowed', () => {
    expect(loadReportingConfig({})).toMatchObject({
      EVIDENCE_LINK_TIMEOUT_MS: 10000, EVIDENCE_LINK_MAX_REDIRECTS: 5, EVIDENCE_LINK_RECHECK_HOURS: 24, EVIDENCE_LINK_ALLOW_PRIVATE: false,
    });
    expect(loadReportingConfig({ EVIDENCE_LINK_ALLOW_PRIVATE: 'true' }).EVIDENCE_LINK_ALLOW_PRIVATE).toBe(true);
    expect(() => loadReportingConfig({ EVIDENCE_LINK_ALLOW_PRIVATE: 'yes' })).toThrow(/EVIDENCE_LINK_ALLOW_PRIVATE must be true or false/);
    expect(() => loadReportingConfig({ EVIDENCE_LINK_TIMEOUT_MS: '600000' })).toThrow(/EVIDENCE_LINK_TIMEOUT_MS/);
  });

  it('reads the cadence and deadline from the environment', () => {
    expect(loadReportingConfig({ CYCLE_CADENCE: 'quarter', CYCLE_DEADLINE_DAYS: '30' })).toMatchObject({ CYCLE_CADENCE: 'quarter', CYCLE_DEADLINE_DAYS: 30 });
  });

  it('stops start-up with one line naming a bad variable', () => {
    expect(() => loadReportingConfig({ CYCLE_CADENCE: 'monthly' })).toThrow(ConfigError);
    expect(() => loadReportingConfig({ CYCLE_CADENCE: 'monthly' })).toThrow(/CYCLE_CADENCE must be one of half-year, quarter, year/);
    expect(() => loadReportingConfig({ CYCLE_DEADLINE_DAYS: 'soon' })).toThrow(/CYCLE_DEADLINE_DAYS/);
  });

  it('is validated with the rest of the configuration at start', () => {
    const base = { DATABASE_URL: 'postgres://u@localhost:5432/db', REDIS_URL: 'redis://localhost:6379' };
    expect(() => loadConfig({ ...base, CYCLE_CADENCE: 'monthly' })).toThrow(/CYCLE_CADENCE must be one of/);
    expect(() => loadConfig({ ...base, EVIDENCE_MAX_BYTES: 'big' })).toThrow(/EVIDENCE_MAX_BYTES/);
    expect(() => loadConfig(base)).not.toThrow();
  });
});
