import type { CatalogueSnapshot } from '@gcm/framework';
import { buildImrfSummary } from '../builders/imrf-summary.builder';
import { renderJson } from '../renderers/json.renderer';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { CatalogueInput } from './catalogue-input.types';

/** What FrameworkService.catalogue() returns, built from the test catalogue with the fields reports ignore. */
function asSnapshot(c: CatalogueInput): CatalogueSnapshot {
  return {
    objectives: c.objectives.map((o) => ({
      ...o,
      themes: o.themes.map((t) => ({ ...t, code: `T${t.number}`, title: `Theme ${t.number}` })),
      recommendations: c.recommendations.filter((r) => r.objectives.includes(o.number)).map((r) => ({ paragraph: r.paragraph, shortTitle: r.shortTitle })),
    })),
    principles: c.principles.map((p) => ({ ...p, gist: `gist of ${p.key}` })),
    themes: c.themes.map((t) => ({
      ...t,
      objectives: c.objectives.filter((o) => o.themes.some((x) => x.number === t.number)).map((o) => ({ number: o.number, primary: o.themes[0].number === t.number })),
      commitments: t.commitments.map((x) => ({ ...x, subItems: [] })),
    })),
    recommendations: c.recommendations.map((r) => ({ ...r, text: r.shortTitle, source: 'seed', considerations: [] })),
    roundTables: c.roundTables.map(({ guidingQuestions: _q, ...rt }) => ({
      ...rt, objectives: rt.objectives.map((o) => ({ number: o.number, title: '', shortLabel: '' })),
    })),
    countries: c.countries.map((x) => ({ ...x, alpha2: x.alpha3.slice(0, 2), m49: '000' })),
  };
}

describe('CatalogueInput', () => {
  it('accepts the framework snapshot as it is (a loader passes FrameworkService.catalogue() unchanged)', () => {
    const data = handMadeDataset();
    const snapshot: CatalogueInput = asSnapshot(data.catalogue);
    const fromSnapshot = buildImrfSummary({ ...data, catalogue: snapshot, scope: { cycleCodes: [CYCLE.code] } });
    const fromInput = buildImrfSummary({ ...data, scope: { cycleCodes: [CYCLE.code] } });
    // The snapshot carries no guiding questions, which the IMRF summary does not use: same bytes.
    expect(renderJson(fromSnapshot).equals(renderJson(fromInput))).toBe(true);
  });
});
