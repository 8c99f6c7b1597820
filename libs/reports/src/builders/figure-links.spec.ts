import { CYCLE, PREVIOUS, handMadeDataset } from '../testing/hand-made.fixture';
import { distributionById, tableById } from '../testing/document-query';
import { absoluteHref, pledgeListHref, stateListHref, updateListHref } from './figure-links';
import { buildRegionReport } from './region.builder';
import { buildRoundTableReport } from './round-table.builder';
import { buildImrfSummary } from './imrf-summary.builder';
import { buildThemeReport } from './theme.builder';

describe('figure links: from a count to the public pledge list of its population', () => {
  it('builds the list address with exactly the figure\'s filters', () => {
    expect(pledgeListHref({ cycle: '2026-H1', reported: 'owed', objective: 8 })).toBe('/pledges?cycle=2026-H1&reported=owed&objective=8');
    expect(pledgeListHref({ cycle: '2026-H1', reported: 'not-reported', theme: 2 })).toBe('/pledges?cycle=2026-H1&reported=not-reported&theme=2');
    expect(absoluteHref('/pledges?cycle=2026-H1', 'https://gcm.example.org/')).toBe('https://gcm.example.org/pledges?cycle=2026-H1');
    expect(absoluteHref('/pledges', undefined)).toBe('/pledges');
    expect(absoluteHref('//evil.example/x', 'https://gcm.example.org')).toBe('//evil.example/x');
    expect(pledgeListHref({ cycle: ['2025-H2', '2026-H1'], reported: 'owed', primaryTheme: 2 })).toBe('/pledges?cycles=2025-H2%2C2026-H1&reported=owed&primaryTheme=2');
    expect(pledgeListHref({ cycle: ['2026-H1'], reported: 'owed', roundTable: 'RT2' })).toBe('/pledges?cycle=2026-H1&reported=owed&roundTable=RT2');
    expect(stateListHref({ cycle: '2026-H1', reported: 'counted', leadRegion: '150' }))
      .toBe('/api/v1/pledges/pledgers?cycle=2026-H1&reported=counted&leadRegion=150&pledgerKind=state');
    expect(updateListHref({ cycle: '2026-H1', organisation: 'o1' })).toBe('/api/v1/pledges/updates?cycle=2026-H1&reported=counted&organisation=o1');
    expect(updateListHref({ cycle: '2026-H1', reported: 'late' })).toBe('/api/v1/pledges/updates?cycle=2026-H1&reported=late');
  });

  it('links every objective\'s pledge count in a one-cycle summary, absolute against the public URL', () => {
    const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] }, publicUrl: 'https://gcm.example.org' });
    const t = tableById(doc, 'objective-coverage');
    expect(t.links).toHaveLength(t.rows.length);
    t.rows.forEach((r, i) => {
      expect(t.links![i]).toEqual({
        pledges: `https://gcm.example.org/pledges?cycle=${CYCLE.code}&reported=owed&objective=${r.objective}`,
        pledgingStates: `https://gcm.example.org/api/v1/pledges/pledgers?cycle=${CYCLE.code}&reported=owed&objective=${r.objective}&pledgerKind=state`,
        reportingStates: `https://gcm.example.org/api/v1/pledges/pledgers?cycle=${CYCLE.code}&reported=counted&objective=${r.objective}&pledgerKind=state`,
      });
    });
  });

  it('links each status count to the list of pledges with that status as of the cycle, and the total to the population', () => {
    const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } });
    const d = distributionById(doc, 'status-distribution');
    expect(d.href).toBe(`/pledges?cycle=${CYCLE.code}&reported=owed`);
    for (const e of d.entries) expect(e.href).toBe(`/pledges?cycle=${CYCLE.code}&reported=owed&statusInCycle=${e.status}`);
  });

  it('links a span of cycles to the span\'s population (cycles=…), as scopeData takes it', () => {
    const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [PREVIOUS.code, CYCLE.code] } });
    const span = `cycles=${PREVIOUS.code}%2C${CYCLE.code}`;
    expect(tableById(doc, 'objective-coverage').links![0].pledges).toBe(`/pledges?${span}&reported=owed&objective=1`);
    expect(distributionById(doc, 'status-distribution').href).toBe(`/pledges?${span}&reported=owed`);
    const headline = doc.sections[0].blocks.find((b) => b.type === 'key_figures');
    expect(headline?.type === 'key_figures' && headline.items.find((f) => f.key === 'updates')?.href).toBe(`/api/v1/pledges/updates?${span}&reported=counted`);
  });

  it('links the States counts to the States list, the updates columns to the updates list, a theme roll-up to its primary theme', () => {
    const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } });
    const headline = doc.sections[0].blocks.find((b) => b.type === 'key_figures');
    const href = (key: string) => (headline?.type === 'key_figures' ? headline.items.find((f) => f.key === key)?.href : undefined);
    expect(href('statesWithPledges')).toBe(`/api/v1/pledges/pledgers?cycle=${CYCLE.code}&reported=owed&pledgerKind=state`);
    expect(href('reportingStates')).toBe(`/api/v1/pledges/pledgers?cycle=${CYCLE.code}&reported=counted&pledgerKind=state`);
    expect(href('lateUpdates')).toBe(`/api/v1/pledges/updates?cycle=${CYCLE.code}&reported=late`);
    expect(href('reportingRate')).toBeUndefined();
    const themes = tableById(doc, 'theme-rollup');
    expect(themes.links![1]).toEqual({
      pledges: `/pledges?cycle=${CYCLE.code}&reported=owed&primaryTheme=2`,
      updates: `/api/v1/pledges/updates?cycle=${CYCLE.code}&reported=counted&primaryTheme=2`,
      reportingStates: `/api/v1/pledges/pledgers?cycle=${CYCLE.code}&reported=counted&primaryTheme=2&pledgerKind=state`,
    });
  });

  it('region reports filter by the lead State\'s region; a sub-region row by the sub-region when it lies inside', () => {
    const data = handMadeDataset();
    const region = data.catalogue.countries[0].regionM49;
    const doc = buildRegionReport({ ...data, scope: { m49: region, cycleCode: CYCLE.code } });
    expect(distributionById(doc, 'status-distribution').href).toBe(`/pledges?cycle=${CYCLE.code}&reported=owed&leadRegion=${region}`);
    const subregions = tableById(doc, 'subregions');
    subregions.links!.forEach((l) => expect(l.statesWithPledges).toMatch(/leadRegion=\d{3}&pledgerKind=state$/));
    // A report on a sub-region: its one sub-region row is the report's own population.
    const sub = data.catalogue.countries[0].subregionM49;
    const subDoc = buildRegionReport({ ...data, scope: { m49: sub, cycleCode: CYCLE.code } });
    expect(tableById(subDoc, 'subregions').links![0].statesWithPledges).toContain(`leadRegion=${sub}&`);
  });

  it('round-table notes link each objective\'s status counts and the headline, over one cycle or a span', () => {
    const doc = buildRoundTableReport({ ...handMadeDataset(), scope: { roundTable: 'RT2', cycleCodes: [PREVIOUS.code, CYCLE.code] } });
    expect(distributionById(doc, 'status-8').href).toBe(`/pledges?cycles=${PREVIOUS.code}%2C${CYCLE.code}&reported=owed&objective=8`);
  });

  it('links the theme report\'s objective coverage counts (taken over the whole cycle population)', () => {
    const doc = buildThemeReport({ ...handMadeDataset(), scope: { theme: 1, cycleCode: CYCLE.code } });
    const t = tableById(doc, 'objective-coverage');
    expect(t.links?.map((l) => l.pledges)).toEqual(t.rows.map((r) => `/pledges?cycle=${CYCLE.code}&reported=owed&objective=${r.objective}`));
    expect(distributionById(doc, 'status-distribution').href).toBe(`/pledges?cycle=${CYCLE.code}&reported=owed&primaryTheme=1`);
  });
});

describe('figure links in the editions', () => {
  const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] }, publicUrl: 'https://gcm.example.org' });
  const url = `https://gcm.example.org/pledges?cycle=${CYCLE.code}&reported=owed&objective=8`;

  it('HTML prints the count as a link, JSON carries it, PDF annotates the cell with it', async () => {
    const { renderHtml } = await import('../renderers/html.renderer');
    const { renderJson } = await import('../renderers/json.renderer');
    const { renderPdf } = await import('../renderers/pdf.renderer');
    const count = tableById(doc, 'objective-coverage').rows.find((r) => r.objective === 8)!.pledges;
    expect(renderHtml(doc).toString('utf8')).toContain(`<a href="${url.replaceAll('&', '&amp;')}">${count}</a>`);
    expect(JSON.stringify(JSON.parse(renderJson(doc).toString('utf8')))).toContain(JSON.stringify(url));
    const pdf = (await renderPdf(doc)).toString('latin1');
    expect(pdf).toContain(`/URI (${url})`);
    // A key figure's link: around its value in HTML, an annotation in PDF.
    const states = `https://gcm.example.org/api/v1/pledges/pledgers?cycle=${CYCLE.code}&reported=counted&pledgerKind=state`;
    expect(renderHtml(doc).toString('utf8')).toMatch(new RegExp(`<a href="${states.replaceAll('&', '&amp;').replace(/[?.]/g, '\\$&')}"><data value="\\d+">`));
    expect(pdf).toContain(`/URI (${states})`);
  });
});
