import { HOSTILE_TITLE, handMadeSummary, hostileObjectiveReport } from '../testing/rendered.fixture';
import { escapeHtml, renderHtml } from './html.renderer';

describe('renderHtml', () => {
  const html = renderHtml(handMadeSummary()).toString('utf8');

  it('is a semantic, self-describing page with print rules', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<title>IMRF summary: progress reported in 2026-H1</title>');
    expect(html).toContain('<nav aria-label="Contents">');
    expect(html).toMatch(/<table id="objective-coverage"><caption>Share of reporting States that reported on each objective<\/caption>/);
    expect(html).toContain('<th scope="col" class="num">Share of reporting States</th>');
    expect(html).toContain('@media print');
    expect(html).toContain('@page{size:A4');
  });

  it('loads nothing from outside: no script, no external link, image, font or import', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\((?!#)|@import|https?:\/\//i);
  });

  it('shows the same numbers as the model: objective 8 at 17%, 6 States', () => {
    expect(html).toMatch(/<tr><th scope="row">8<\/th><td>Saving lives and missing migrants<\/td><td class="num"><a href="\/pledges\?cycle=2026-H1&amp;reported=owed&amp;objective=8">12<\/a><\/td><td class="num"><a href="\/api\/v1\/pledges\/pledgers\?cycle=2026-H1&amp;reported=owed&amp;objective=8&amp;pledgerKind=state">10<\/a><\/td><td class="num"><a href="\/api\/v1\/pledges\/pledgers\?cycle=2026-H1&amp;reported=counted&amp;objective=8&amp;pledgerKind=state">6<\/a><\/td><td class="num">17%<\/td><\/tr>/);
    expect(html).toContain('<li>Only 17 percent (6 of 35) of reporting States reported on Objective 8:');
    expect(html).toContain('<data value="0.875">88%</data><span class="detail">35 of 40 States with pledges</span>');
    // The States counts beside the rate link to the States they count.
    expect(html).toContain('<a href="/api/v1/pledges/pledgers?cycle=2026-H1&amp;reported=counted&amp;pledgerKind=state"><data value="35">35</data></a>');
  });

  it('escapes every piece of user text', () => {
    const hostile = renderHtml(hostileObjectiveReport()).toString('utf8');
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain(escapeHtml(HOSTILE_TITLE));
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(hostile).toContain('Ελλάδα');
  });
});
