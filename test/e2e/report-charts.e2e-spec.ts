import type { INestApplication } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { QueueService } from '@gcm/platform';
import type { ChartBlock, ReportDocument } from '@gcm/reports';
import { builderText } from '../../libs/reports/src/i18n/builder-text';
import { escapeRegExp, pdfToText } from '../../libs/reports/src/testing/pdf-text';
import { EARLIER, LATER, twoCyclesDataset } from '../../libs/reports/src/testing/two-cycles.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { launchBrowser, person } from '../helpers/browser-person';
import { auditPage, LAPTOP, PHONE } from '../helpers/page-audit';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

const charts = (doc: ReportDocument) => doc.sections.flatMap((s) => s.blocks).filter((b): b is ChartBlock => b.type === 'chart');
const hasImage = (pdf: Buffer) => pdf.toString('latin1').includes('/Subtype /Image');

/**
 * A span (2025-H2 to 2026-H1) compiled by the report flow through the worker,
 * in English and Arabic: the HTML edition carries one inline SVG per chart
 * of the JSON model beside its table, the PDF draws them as paths with text
 * labels, and the HTML edition, served under a CSP that allows no script, no
 * image and no outside resource, opens at 390 and 1366 px with no serious
 * axe violation and nothing wider than the screen.
 */
describe('report charts, over a real report run', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  let browser: Browser;
  const editions = new Map<string, { doc: ReportDocument; html: string; pdf: Buffer }>();

  const download = async (versionId: string, format: string): Promise<Buffer> => {
    const res = await t.http.get(`/api/v1/reports/${versionId}/download.${format}`).set(bearer(sec.accessToken)).buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };

  const compiled = async (language: 'en' | 'ar') => {
    const res = await t.http.post('/api/v1/reports/requests').set(bearer(sec.accessToken))
      .send({ kind: 'imrf_summary', cycles: [EARLIER.code, LATER.code], language });
    expect(res.status).toBeLessThan(300);
    const done = await waitFor(async () => {
      const r = (await t.http.get(`/api/v1/reports/runs/${res.body.id}`).set(bearer(sec.accessToken))).body;
      return r.status === 'completed' ? r : null;
    }, language);
    return {
      doc: JSON.parse((await download(done.versionId, 'json')).toString('utf8')) as ReportDocument,
      html: (await download(done.versionId, 'html')).toString('utf8'),
      pdf: await download(done.versionId, 'pdf'),
    };
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0' } });
    sec = await createUser(t, { role: 'secretariat' });
    await seedReportDataset(t.dataSource, twoCyclesDataset());
    worker = await startWorker();
    for (const language of ['en', 'ar'] as const) editions.set(language, await compiled(language));
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it.each(['en', 'ar'])('prints every chart of the %s model in the HTML edition, beside its table, and in the PDF as vector graphics', (language) => {
    const { doc, html, pdf } = editions.get(language)!;
    const tr = builderText(language as 'en' | 'ar');
    const cs = charts(doc);
    expect(cs.map((c) => c.id)).toEqual(expect.arrayContaining(['status-distribution-chart', 'objective-coverage-chart', 'change-trend-chart-rates', 'change-trend-chart-transitions']));
    expect((html.match(/<svg class="chart"[^>]* role="img"/g) ?? []).length).toBe(cs.length);
    for (const c of cs) {
      expect(html).toMatch(new RegExp(`<title id="chart-\\d+-t">${escapeRegExp(c.title)}</title>[\\s\\S]*?</svg></figure>(<figure[\\s\\S]*?</figure>)*</div><div class="table-wrap"[^>]*><table( class="distribution")? id="${escapeRegExp(c.tableId)}">`));
    }
    if (language === 'ar') expect(html).toContain('direction="rtl"');
    const text = pdfToText(pdf, false).replace(/\s?[\u064b-\u065f\u0670]/g, '');
    for (const title of [tr.t('chartRatesTitle'), tr.t('chartTransitionsTitle')]) expect(text).toContain(title.replace(/[\u064b-\u065f\u0670]/g, ''));
    expect(hasImage(pdf)).toBe(false);
  });

  it.each([['en', PHONE], ['en', LAPTOP], ['ar', PHONE], ['ar', LAPTOP]])('opens the %s HTML edition with its charts at %p: CSP-clean, no serious axe violation', async (language, viewport) => {
    const { html } = editions.get(language as string)!;
    const me = await person(browser, `report-charts-${language}-${viewport.width}`, viewport);
    try {
      // Served as the edition is archived: no script, image, font or connection allowed, inline styles only.
      await me.page.route('http://report.test/**', (route) => route.fulfill({
        status: 200, contentType: 'text/html; charset=utf-8', body: html,
        headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
      }));
      await me.page.goto('http://report.test/edition.html');
      const svgs = me.page.locator('svg.chart[role="img"]');
      expect(await svgs.count()).toBeGreaterThanOrEqual(4);
      const boxes = await svgs.evaluateAll((els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { width: r.width, right: r.right, left: r.left, name: e.querySelector('title')?.textContent ?? '' };
      }));
      for (const b of boxes) {
        expect(b.width).toBeGreaterThan(200);
        expect(b.right).toBeLessThanOrEqual(viewport.width + 0.5);
        expect(b.name).not.toBe('');
      }
      // The table beside each chart is on screen too.
      expect(await me.page.locator('.chart-pair table').first().isVisible()).toBe(true);
      const { overflow, wide, violations } = await auditPage(me.page);
      await me.shot('edition');
      expect({ overflow, wide, violations, errors: me.errors }).toEqual({ overflow: 0, wide: [], violations: [], errors: [] });
    } finally {
      await me.close();
    }
  }, 60_000);
});
