import { builderScope, listScope, normaliseScope } from './report-target';

describe('normaliseScope', () => {
  it.each([
    ['state', 'fra', 'FRA'],
    ['state', '7D3C6A3E-0000-4000-8000-000000000001', '7d3c6a3e-0000-4000-8000-000000000001'],
    ['objective', '08', '8'],
    ['theme', 't2', 'T2'],
    ['theme', '3', 'T3'],
    ['region', '002', '002'],
    ['round_table', 'rt2', 'RT2'],
    ['imrf_summary', undefined, 'global'],
    ['imrf_summary', 'GLOBAL', 'global'],
  ] as const)('%s %s → %s', (kind, raw, expected) => {
    expect(normaliseScope(kind, raw)).toBe(expected);
  });

  it.each([
    ['state', 'FRANCE'],
    ['objective', '24'],
    ['objective', '0'],
    ['theme', 'T10'],
    ['region', '2'],
    ['round_table', 'RTX'],
    ['imrf_summary', 'FRA'],
  ] as const)('refuses %s %s', (kind, raw) => {
    expect(normaliseScope(kind, raw)).toBeNull();
  });
});

describe('builderScope', () => {
  const base = { cycleCodes: ['2025-H2', '2026-H1'], cycleIds: ['a', 'b'], language: 'en' as const };
  it('gives single-cycle kinds the last cycle of the span and spans to the others', () => {
    expect(builderScope({ ...base, kind: 'theme', scope: 'T2' }, null)).toEqual({ theme: 2, cycleCode: '2026-H1' });
    expect(builderScope({ ...base, kind: 'imrf_summary', scope: 'global' }, null)).toEqual({ cycleCodes: ['2025-H2', '2026-H1'] });
    expect(builderScope({ ...base, kind: 'state', scope: 'FRA' }, 'org-1')).toEqual({ organisationId: 'org-1', cycleCode: '2026-H1' });
  });
});

describe('listScope', () => {
  it('reads a list filter like a request when the kind is given, and leaves it alone otherwise', () => {
    expect(listScope({ kind: 'theme', scope: 't2' })).toBe('T2');
    expect(listScope({ kind: 'state', scope: 'fra' })).toBe('FRA');
    expect(listScope({ scope: 't2' })).toBe('t2');
    expect(listScope({ kind: 'objective' })).toBeUndefined();
  });
});
