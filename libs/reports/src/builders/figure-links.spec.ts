import { CYCLE, PREVIOUS, handMadeDataset } from '../testing/hand-made.fixture';
import { distributionById, tableById } from '../testing/document-query';
import { absoluteHref, pledgeListHref } from './figure-links';
import { buildImrfSummary } from './imrf-summary.builder';
import { buildThemeReport } from './theme.builder';

describe('figure links: from a count to the public pledge list of its population', () => {
  it('builds the list address with exactly the figure\'s filters', () => {
    expect(pledgeListHref({ cycle: '2026-H1', reported: 'owed', objective: 8 })).toBe('/pledges?cycle=2026-H1&reported=owed&objective=8');
    expect(pledgeListHref({ cycle: '2026-H1', reported: 'not-reported', theme: 2 })).toBe('/pledges?cycle=2026-H1&reported=not-reported&theme=2');
    expect(absoluteHref('/pledges?cycle=2026-H1', 'https://gcm.example.org/')).toBe('https://gcm.example.org/pledges?cycle=2026-H1');
    expect(absoluteHref('/pledges', undefined)).toBe('/pledges');
    expect(absoluteHref('//evil.example/x', 'https://gcm.example.org')).toBe('//evil.example/x');
  });

  it('links every objective\'s pledge count in a one-cycle summary, absolute against the public URL', () => {
    const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] }, publicUrl: 'https://gcm.example.org' });
    const t = tableById(doc, 'objective-coverage');
    expect(t.links).toHaveLength(t.rows.length);
    t.rows.forEach((r, i) => {
      expect(t.links![i]).toEqual({ pledges: `https://gcm.example.org/pledges?cycle=${CYCLE.code}&reported=owed&objective=${r.objective}` });
    });
  });

  it('links each status count to the list of pledges with that status as of the cycle, and the total to the population', () => {
    const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } });
    const d = distributionById(doc, 'status-distribution');
    expect(d.href).toBe(`/pledges?cycle=${CYCLE.code}&reported=owed`);
    for (const e of d.entries) expect(e.href).toBe(`/pledges?cycle=${CYCLE.code}&reported=owed&statusInCycle=${e.status}`);
  });

  it('gives a span of cycles no link: the list filters one cycle\'s population', () => {
    const doc = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [PREVIOUS.code, CYCLE.code] } });
    expect(tableById(doc, 'objective-coverage').links).toBeUndefined();
    expect(distributionById(doc, 'status-distribution').href).toBeUndefined();
  });

  it('links the theme report\'s objective coverage counts (taken over the whole cycle population)', () => {
    const doc = buildThemeReport({ ...handMadeDataset(), scope: { theme: 1, cycleCode: CYCLE.code } });
    const t = tableById(doc, 'objective-coverage');
    expect(t.links?.map((l) => l.pledges)).toEqual(t.rows.map((r) => `/pledges?cycle=${CYCLE.code}&reported=owed&objective=${r.objective}`));
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
  });
});
