import { ReportInputError } from '../model/report-kind.types';
import { figureValue, sectionTexts, tableById } from '../testing/document-query';
import { CYCLE, handMadeDataset } from '../testing/hand-made.fixture';
import { buildRegionReport } from './region.builder';

describe('buildRegionReport', () => {
  const data = handMadeDataset();
  const pledged = data.organisations.slice(0, 40);
  const countries = new Map(data.catalogue.countries.map((c) => [c.alpha3, c]));
  const europe = pledged.filter((o) => countries.get(o.countryAlpha3!)!.regionM49 === '150');
  const doc = buildRegionReport({ ...data, scope: { m49: '150', cycleCode: CYCLE.code } });

  it('covers every State of the region, pledging or not', () => {
    expect(doc.title).toBe('Europe: progress report for 2026-H1');
    const all = data.catalogue.countries.filter((c) => c.regionM49 === '150');
    expect(tableById(doc, 'states').rows).toHaveLength(all.length);
    expect(figureValue(doc, 'states')).toBe(all.length);
  });

  it('counts the States with pledges and the reporting ones of the region only', () => {
    expect(europe.length).toBeGreaterThan(3);
    expect(figureValue(doc, 'statesWithPledges')).toBe(europe.length);
    const reporting = tableById(doc, 'states').rows.filter((r) => r.reported === true).map((r) => r.state).sort();
    const expected = europe.filter((o) => data.organisations.indexOf(o) < 35).map((o) => o.name).sort();
    expect(reporting).toEqual(expected);
    expect(figureValue(doc, 'reportingRate')).toBe(expected.length / europe.length);
  });

  it('rolls up sub-regions whose totals add up to the region', () => {
    const rows = tableById(doc, 'subregions').rows;
    expect(rows.reduce((s, r) => s + (r.states as number), 0)).toBe(figureValue(doc, 'states'));
    expect(rows.reduce((s, r) => s + (r.reportingStates as number), 0)).toBe(figureValue(doc, 'reportingStates'));
  });

  it('accepts a sub-region code and names the silent States', () => {
    const sub = buildRegionReport({ ...data, scope: { m49: '039', cycleCode: CYCLE.code } });
    expect(sub.title).toBe('Southern Europe: progress report for 2026-H1');
    expect(sectionTexts(sub, 'non-reporting').length).toBeGreaterThan(0);
    expect(() => buildRegionReport({ ...data, scope: { m49: '999', cycleCode: CYCLE.code } })).toThrow(ReportInputError);
  });
});
