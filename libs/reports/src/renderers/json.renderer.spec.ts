import { ReportDataset } from '../model/report-input.types';
import { buildImrfSummary } from '../builders/imrf-summary.builder';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { handMadeSummary } from '../testing/rendered.fixture';
import { canonicalJson, contentHash, renderJson } from './json.renderer';

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves arrays in order, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":"é","f":1}]},"b":1}');
  });

  it('refuses values JSON cannot carry instead of dropping them', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow('$.a');
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('$.a[1]');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('plain objects');
  });

  it('round-trips the document model exactly', () => {
    const doc = handMadeSummary();
    expect(JSON.parse(renderJson(doc).toString('utf8'))).toEqual(doc);
  });
});

describe('report determinism', () => {
  function shuffled(data: ReportDataset): ReportDataset {
    return {
      ...data,
      organisations: [...data.organisations].reverse(),
      pledges: [...data.pledges].reverse().map((p) => Object.fromEntries(Object.entries(p).reverse()) as typeof p),
      updates: [...data.updates].reverse(),
      cycles: [...data.cycles].reverse(),
      practices: [...data.practices].reverse(),
      expertReports: [...data.expertReports].reverse(),
    };
  }

  it('gives byte-identical JSON, hence the same content hash, for the same data in any row order', () => {
    const a = renderJson(buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } }));
    const b = renderJson(buildImrfSummary({ ...shuffled(handMadeDataset()), scope: { cycleCodes: [CYCLE.code] } }));
    expect(b.equals(a)).toBe(true);
    expect(contentHash(b)).toBe(contentHash(a));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the hash when one reported figure changes', () => {
    const data = handMadeDataset();
    data.updates = data.updates.filter((u) => u.pledgeId !== 'p00');
    const changed = renderJson(buildImrfSummary({ ...data, scope: { cycleCodes: [CYCLE.code] } }));
    expect(contentHash(changed)).not.toBe(contentHash(renderJson(handMadeSummary())));
  });
});
