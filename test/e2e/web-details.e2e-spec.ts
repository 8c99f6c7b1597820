import type { Page } from 'playwright-core';
import { createUser } from '../helpers/auth';
import { browserSession, BrowserSession } from '../helpers/browser';
import { buildDashboardFixture, DashboardFixture } from '../helpers/dashboard-fixture';
import { pledgeBody, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * The smaller things a reader notices on the public pages (issue 11): names instead of codes, formatted numbers,
 * the pledges list's sort and export, a country's chart scale, the map's links and cycle picker, countries by region,
 * the open-data conventions in words. Over the dashboard fixture plus two German pledges.
 */
describe('public pages read as words, not codes', () => {
  let t: TestApp;
  let f: DashboardFixture;
  let b: BrowserSession;
  let deu: { id: string; reference: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
    const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'DEU' });
    deu = await publishedPledge(t, focal, f.secretariat, pledgeBody({
      title: 'Alpine route rescue and identification of missing migrants',
      indicators: [{
        name: 'Families informed', unit: 'families', direction: 'increase',
        baseline: { value: 12500, date: '2025-12-31' }, target: { value: 1250000.5, date: '2027-12-31' }, sdgIndicator: null,
      }],
    }));
    await publishedPledge(t, focal, f.secretariat, pledgeBody({
      title: 'Zero deaths on the Baltic crossing',
      alignment: { objectives: [{ number: 8, primary: true }], principles: [], recommendations: [], commitments: [] },
      scope: null,
    }));
    b = await browserSession(t);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

  it('a pledge page names its objectives, themes, principles, commitments and countries, and formats its numbers', async () => {
    const [principles, themes] = await Promise.all([
      t.http.get('/api/v1/framework/principles').expect(200), t.http.get('/api/v1/framework/themes').expect(200),
    ]);
    const principle = (key: string) => principles.body.find((p: { key: string }) => p.key === key).name as string;
    const commitment = (code: string) =>
      themes.body.flatMap((th: { commitments: { code: string; text: string }[] }) => th.commitments).find((c: { code: string }) => c.code === code).text;

    const page = await b.open(`/pledges/${deu.reference}`);
    const facts = page.locator('.facts');
    await facts.waitFor();
    const shown = await facts.innerText();
    expect(shown).toContain('Objective 8 — Save lives and establish coordinated international efforts on missing migrants (primary)');
    expect(shown).toMatch(/Objective 5 — Enhance availability and flexibility of pathways for regular migration/);
    expect(shown).not.toMatch(/Obj\. \d/);
    expect(shown).toContain(principle('a'));
    expect(shown).toContain(principle('c'));
    expect(shown).toContain(`T1.C1 — ${commitment('T1.C1')}`);
    expect(shown).toContain(`T2.C4 — ${commitment('T2.C4')}`);
    expect(shown).toMatch(/France\s+Italy\s+Southern Europe/);
    expect(shown).not.toMatch(/\bFRA\b|\bITA\b|\b039\b/);
    expect(shown).toContain('€2,500,000');
    expect(shown).toContain('1 Jan 2026 to 31 Dec 2027');
    await expect(page.locator('.facts a', { hasText: 'Objective 8 —' }).getAttribute('href')).resolves.toBe('/objectives/8');
    await expect(page.locator('.facts a', { hasText: 'France' }).getAttribute('href')).resolves.toBe('/countries/FRA');
    const indicator = await text(page, '#indicators ~ * tbody tr');
    expect(indicator).toContain('12,500 families (31 Dec 2025)');
    expect(indicator).toContain('1,250,000.5 families (31 Dec 2027)');
    await b.shot(page, 'details-pledge');
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('the pledges list sorts by title and offers exports that carry the filters and the order', async () => {
    const page = await b.open('/pledges?objective=8');
    await page.locator('.results-count', { hasText: '5 pledges' }).waitFor();
    await page.getByLabel('Sort by').selectOption({ label: 'Title (A–Z)' });
    await page.waitForURL(/\/pledges\?objective=8&sort=title&order=asc$/);
    await page.locator('.result').first().waitFor();
    const titles = await page.locator('.result h3, .result h2').allInnerTexts();
    expect(titles.length).toBe(5);
    expect(titles).toEqual([...titles].sort((a, c) => a.localeCompare(c, 'en')));
    expect(titles[0]).toBe('Alpine route rescue and identification of missing migrants');
    const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csv).toBe('/api/v1/pledges/export.csv?objective=8&sort=title&order=asc');
    await expect(page.getByRole('link', { name: 'Excel (XLSX)' }).getAttribute('href')).resolves.toBe(
      '/api/v1/pledges/export.xlsx?objective=8&sort=title&order=asc');
    const file = await t.http.get(csv!).expect(200);
    const rows = file.text.trim().split(/\r?\n/).slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('Alpine route rescue');
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it("a country's objective chart is scaled to the pledges it leads, not to the largest bar", async () => {
    const page = await b.open('/countries/DEU');
    const canvas = page.locator('canvas[data-chart="chart-country-objectives"]');
    await canvas.waitFor();
    await expect(canvas.getAttribute('data-max')).resolves.toBe('2');
    const rows = await page.locator('#chart-country-objectives-caption ~ details tbody tr').evaluateAll((trs) =>
      trs.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]));
    expect(rows).toEqual([[expect.stringMatching(/^5\. /), '1'], [expect.stringMatching(/^8\. /), '2']]);
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('the map opens a country when it is clicked, and the reporting layer can show any cycle that has opened', async () => {
    const page = await b.open('/map');
    await page.locator('svg.world-map path[data-m49="404"]').click();
    await page.waitForURL(`${b.base}/countries/KEN`);
    await page.locator('main h1', { hasText: 'Kenya' }).waitFor();
    await page.goBack();
    // Keyboard users have the same destinations as links in the table under the map.
    const kenya = page.locator('#map-table ~ * details', { has: page.locator('a[href="/countries/KEN"]') });
    await kenya.locator('summary').focus();
    await page.keyboard.press('Enter');
    await kenya.locator('a[href="/countries/KEN"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${b.base}/countries/KEN`);
    await page.goBack();

    await page.getByRole('radio', { name: 'Reporting status in 2026-H1' }).check();
    await page.waitForURL(/\/map\?layer=reporting$/); // the current cycle until another is picked
    const fill = (m49: string) => page.locator(`svg.world-map path[data-m49="${m49}"]`).getAttribute('fill');
    await page.locator('svg.world-map[data-layer="reporting"]').waitFor();
    expect(await fill('404')).toBe('#009e73'); // Kenya submitted in 2026-H1
    await expect(page.getByLabel('Reporting cycle').locator('option').allInnerTexts()).resolves.toEqual(['2026-H1', '2025-H2']);
    await page.getByLabel('Reporting cycle').selectOption('2025-H2');
    await page.waitForURL(/\/map\?layer=reporting&cycle=2025-H2$/);
    await page.getByRole('radio', { name: 'Reporting status in 2025-H2' }).waitFor();
    expect(await fill('250')).toBe('#009e73'); // France reported in 2025-H2
    expect(await fill('404')).not.toBe('#009e73'); // Kenya did not
    await b.shot(page, 'details-map-cycle');
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('the countries page groups the States under their M49 region, as it says', async () => {
    const page = await b.open('/countries');
    await page.locator('main section[data-region] h2').first().waitFor();
    const headings = await page.locator('main section[data-region] h2').allInnerTexts();
    expect(headings.map((h) => h.replace(/ \(.*$/, ''))).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    expect(headings[0]).toMatch(/^Africa \(\d+ States\)$/);
    const europe = page.locator('section[data-region="Europe"] tbody th');
    await expect(europe.filter({ hasText: 'France' }).count()).resolves.toBe(1);
    await expect(page.locator('section[data-region="Africa"] tbody th', { hasText: 'Kenya' }).count()).resolves.toBe(1);
    await expect(page.locator('section[data-region="Africa"] tbody th', { hasText: 'France' }).count()).resolves.toBe(0);
    const names = await europe.allInnerTexts();
    expect(names).toEqual([...names].sort((a, c) => a.localeCompare(c, 'en-GB')));
    await page.getByLabel('Region', { exact: true }).selectOption('Europe');
    await page.waitForURL(/\/countries\?region=Europe$/);
    await expect(page.locator('main section[data-region]').count()).resolves.toBe(1);
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('the open-data conventions are labelled in words, and the list separator can be seen', async () => {
    const page = await b.open('/open-data');
    const box = page.locator('[data-convention="csvListSeparator"]');
    await box.waitFor();
    await expect(box.locator('dt').innerText()).resolves.toBe('Separator between the items of a list in a CSV cell');
    await expect(box.locator('dd').innerText()).resolves.toBe('"; " (semicolon and space) between the items');
    const terms = await page.locator('[data-convention] dt').allInnerTexts();
    expect(terms.length).toBeGreaterThan(5);
    for (const term of terms) expect(term).toMatch(/^[A-Z][A-Za-z]*( [a-zA-Z]+)*$/);
    for (const term of terms) expect(term).not.toMatch(/[a-z][A-Z]/); // no camelCase key
    expect(b.errors).toEqual([]);
    await page.close();
  });
});
