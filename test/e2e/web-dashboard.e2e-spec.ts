/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { browserSession, BrowserSession } from '../helpers/browser';
import { buildDashboardFixture, DashboardFixture } from '../helpers/dashboard-fixture';
import { createTestApp, TestApp } from '../helpers/test-app';

/** The stats-driven pages in a real browser, over the dashboard fixture (3 public pledges, 2 cycles). */
describe('dashboard web pages', () => {
  let t: TestApp;
  let f: DashboardFixture;
  let b: BrowserSession;

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildDashboardFixture(t);
    b = await browserSession(t);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  const painted = (page: Page) =>
    // Chart.js has drawn when every canvas holds opaque pixels. A function, not a string: the page's CSP has no
    // 'unsafe-eval', so a string predicate could be refused by the page.
    page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')).every((c) =>
        Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).some((v: number, i: number) => i % 4 === 3 && v > 0)));
  const tableOf = (page: Page, chart: string) => page.locator(`#${chart}-caption ~ details tbody tr`);

  it('home: headline figures and seven charts drawn from the stats API, each with its numbers as a table', async () => {
    const page = await b.open('/');
    await page.locator('canvas[data-chart="chart-trend"]').waitFor();
    await expect(page.locator('canvas[data-chart]').count()).resolves.toBe(7);
    await painted(page);
    await expect(page.locator('.figure__value').allTextContents()).resolves.toEqual(['3', '3', '2', '33.3%']);
    const objectives = await tableOf(page, 'chart-objectives').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('th')!.textContent, Number(r.querySelector('td')!.textContent)]));
    expect(objectives).toHaveLength(23);
    expect(objectives.filter(([, n]) => (n as number) > 0).map(([name, n]) => [String(name).slice(0, 12), n])).toEqual([
      ['Minimize the', 1], ['Enhance avai', 1], ['Save lives a', 2], ['Strengthen i', 1],
    ]);
    const forms = await tableOf(page, 'chart-forms').allTextContents();
    expect(forms).toEqual(['Policy1', 'Financial1', 'Technical1', 'Process0']);
    const trend = await tableOf(page, 'chart-trend').allTextContents();
    expect(trend).toEqual(['2025-H221000', '2026-H120010']); // cycle, then not started, on track, delayed, achieved, discontinued
    expect(await page.locator('canvas[data-chart="chart-status"]').getAttribute('aria-label')).toContain('Achieved 1');
    await b.shot(page, 'dashboard-home');
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('pledge search finds a pledge by a word of its description, and hides unpublished ones', async () => {
    const page = await b.open('/pledges');
    await page.locator('.result').first().waitFor();
    await expect(page.locator('.results-count').textContent()).resolves.toBe('4 pledges, showing 1–4.');
    expect(await page.locator('main').textContent()).not.toContain(f.secretTitles[0]);
    await page.getByLabel('Search the pledges').fill(f.searchWord);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/pledges\\?q=${f.searchWord}$`));
    await page.locator('.results-count', { hasText: '1 pledge, showing 1–1.' }).waitFor();
    await expect(page.locator(`.result a[href="/pledges/${f.b.reference}"]`).textContent()).resolves.toBe(
      'Drought resilience for pastoralist communities in Turkana',
    );
    await page.getByLabel('Search the pledges').fill('');
    await page.keyboard.press('Enter');
    await page.getByLabel('GCM objective').selectOption('8');
    await page.waitForURL(/\/pledges\?objective=8$/);
    await page.locator('.results-count', { hasText: '3 pledges' }).waitFor(); // A, C and the withdrawn one, marked
    await expect(page.locator('.result .badge', { hasText: 'Withdrawn' }).count()).resolves.toBe(1);
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('a pledge page shows its progress timeline, published content only, and related practices', async () => {
    const page = await b.open(`/pledges/${f.a.reference}`);
    await expect(page.locator('main h1').textContent()).resolves.toBe('Search and rescue coordination in the Mediterranean');
    const entries = page.locator('.timeline__entry');
    await entries.nth(1).waitFor();
    await expect(entries.locator('h3').allTextContents()).resolves.toEqual(['2025-H2 On track', '2026-H1 Achieved']);
    await expect(entries.nth(1).locator('progress').getAttribute('value')).resolves.toBe('100');
    await expect(page.locator('.facts').textContent()).resolves.toContain('France');
    // Named, not coded: objectives with their titles, States and regions by name, principles, formatted amounts (one list item per name).
    const fact = (label: string) => page.locator('.facts > div', { has: page.locator('dt', { hasText: label }) }).locator('dd').innerText();
    await expect(fact('GCM objectives')).resolves.toMatch(/^Objective 8 — Save lives and establish coordinated international efforts on missing migrants \(primary\)\nObjective 5 — /);
    await expect(fact('Countries and regions concerned')).resolves.toBe('France\nItaly\nSouthern Europe');
    await expect(fact('Guiding principles')).resolves.toBe('People-centred');
    await expect(fact('Budget')).resolves.toBe('€2,500,000');
    await expect(fact('SG recommendations')).resolves.toMatch(/^¶101 \S/);
    await expect(page.locator('#indicators ~ * td').first().innerText()).resolves.toBe('100 people (31 Dec 2025)');
    expect(await page.locator('main').textContent()).not.toContain('Unpublished revision title');
    await page.locator('#related ~ .result-list .result').first().waitFor();
    await b.shot(page, 'dashboard-pledge');
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('the map colours countries by pledges led and by reporting status', async () => {
    const page = await b.open('/map');
    const fill = (m49: string) => page.locator(`svg.world-map path[data-m49="${m49}"]`).getAttribute('fill');
    await page.locator('svg.world-map path[data-m49="250"]').waitFor();
    expect(await page.locator('svg.world-map').getAttribute('data-layer')).toBe('pledges');
    const none = await fill('076'); // Brazil: its only pledge was withdrawn
    expect(await fill('250')).not.toBe(none); // France leads one
    expect(await fill('404')).toBe(await fill('250')); // Kenya too
    await expect(page.locator('.legend li').first().textContent()).resolves.toBe('None');
    await page.getByLabel('Reporting status in 2026-H1').check();
    await page.waitForURL(/\/map\?layer=reporting$/);
    await page.locator('svg.world-map[data-layer="reporting"]').waitFor();
    expect(await fill('250')).toBe('#009e73');
    expect(await fill('404')).toBe('#009e73');
    expect(await fill('380')).toBe('#f1eee6'); // Italy: concerned, but leads none
    await b.shot(page, 'dashboard-map');
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('coverage matrix, gaps, objective and country pages show their stats', async () => {
    const page = await b.open('/coverage');
    const europe = page.locator('tr[data-region="150"] td');
    await europe.first().waitFor();
    expect((await europe.allTextContents()).slice(0, 8)).toEqual(['0', '0', '0', '0', '1', '0', '0', '1']);
    await page.locator('[data-gaps="GCM objectives"] li').first().waitFor();
    expect(await page.locator('[data-gaps="GCM objectives"]').textContent()).toContain('Objective 1: ');
    expect(b.errors).toEqual([]);
    await page.close();

    const objective = await b.open('/objectives/8');
    await objective.locator('#objective-stats ~ .figures .figure__value').first().waitFor();
    await expect(objective.locator('#objective-stats ~ .figures .figure__value').allTextContents()).resolves.toEqual(['2', '2', '2']);
    expect(b.errors).toEqual([]);
    await objective.close();

    const country = await b.open('/countries/FRA');
    await country.locator('tr[data-reporting]').nth(1).waitFor();
    await expect(country.locator('tr[data-reporting] th').allTextContents()).resolves.toEqual(['2025-H2', '2026-H1']);
    await expect(country.locator('tr[data-reporting="reported"]').count()).resolves.toBe(2);
    expect(b.errors).toEqual([]);
    await country.close();
  });

  it('open data page lists the downloads and every column of the dictionary', async () => {
    const page = await b.open('/open-data');
    await page.locator('table[data-dataset="pledges"] tbody tr').first().waitFor();
    const dictionary = (await t.http.get('/api/v1/open-data/dictionary').expect(200)).body;
    for (const d of dictionary.datasets) {
      await expect(page.locator(`table[data-dataset="${d.name}"] tbody tr`).count()).resolves.toBe(d.columns.length);
      await expect(page.locator(`a[href="/api/v1/open-data/${d.name}.csv"]`).count()).resolves.toBe(1);
    }
    // The conventions are named for readers, not by the dictionary's keys.
    const conventions = page.locator('h3', { hasText: 'Conventions' }).locator('xpath=following-sibling::dl[1]');
    await expect(conventions.locator('dt').allInnerTexts()).resolves.toContain('Separator between the items of a list in a CSV cell');
    await expect(conventions.innerText()).resolves.not.toMatch(/csvListSeparator|csvFormulaGuard|emptyValue/);
    expect(b.errors).toEqual([]);
    await page.close();
  });

  it('reports page lists published report versions only, each with its downloads', async () => {
    const [{ id: cycleId }] = await t.dataSource.query(`SELECT id FROM reporting_cycle WHERE code = '2026-H1'`);
    const version = async (title: string, published: boolean, number: number) => {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO report_version (kind, scope, cycle_key, cycle_id, cycle_ids, snapshot_hash, number, title, model, published_at)
         VALUES ('imrf_summary', 'global', '2026-H1', $1, ARRAY[$1]::uuid[], repeat($4, 64), $4::int, $2, '{}', $3) RETURNING id`,
        [cycleId, title, published ? new Date() : null, String(number)],
      );
      for (const [format, type] of [['json', 'application/json'], ['html', 'text/html'], ['pdf', 'application/pdf'], ['csv', 'text/csv'], ['xlsx', 'application/vnd.ms-excel']]) {
        await t.dataSource.query(
          `INSERT INTO report_file (version_id, format, content_type, sha256, size, bytes) VALUES ($1, $2, $3, repeat('b', 64), 5, 'bytes')`,
          [id, format, type],
        );
      }
      return id as string;
    };
    const published = await version('IMRF summary 2026-H1', true, 1);
    await version('Draft summary not yet published', false, 2);
    const page = await b.open('/reports');
    await page.locator('main tbody tr').first().waitFor();
    await expect(page.locator('main tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('main tbody th').textContent()).resolves.toContain('IMRF summary 2026-H1');
    expect(await page.locator('main').textContent()).not.toContain('Draft summary');
    const pdf = await page.locator('main a', { hasText: 'PDF' }).getAttribute('href');
    expect(pdf).toBe(`/api/v1/reports/${published}/download.pdf`);
    expect((await t.http.get(pdf!)).status).toBe(200);
    expect(b.errors).toEqual([]);
    await page.close();
  });
});
