import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { ReportDocument, StatusDistributionBlock, TableBlock } from '@gcm/reports';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { createUser, CreatedUser } from '../helpers/auth';
import { compileReport, downloadReport } from '../helpers/reports';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

const PUBLIC_URL = 'https://gcm.example.org';
const CYCLE = '2026-H1';

/**
 * Issue 16 item 7, "from any figure to the pledges behind it", through a real
 * run (PostgreSQL loader, worker, renderers, stored files): the figure links
 * printed in the HTML edition, followed against the public pledge list API,
 * list exactly as many pledges as the figure says; the PDF annotates the same
 * addresses and the JSON carries them. Unpublished, withdrawn-before and
 * other-cycle pledges are in no list.
 */
describe('report figure → public pledge list of its population', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  let unpublished: string;
  const compiled = async (body: Record<string, unknown>) => {
    const id = await compileReport(t, sec.accessToken, body);
    const get = (format: string) => downloadReport(t, sec.accessToken, id, format);
    return { doc: JSON.parse((await get('json')).toString('utf8')) as ReportDocument, html: (await get('html')).toString('utf8'), pdf: (await get('pdf')).toString('latin1') };
  };
  const block = <T>(doc: ReportDocument, id: string) => doc.sections.flatMap((s) => s.blocks).find((b) => 'id' in b && b.id === id) as T;
  /** The web page's address asked of the API, as the page does: the same query on /api/v1/pledges. */
  const follow = async (href: string) => {
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe(`${PUBLIC_URL}/pledges`);
    const res = await t.http.get(`/api/v1/pledges${url.search}&limit=100`).expect(200);
    return res.body as { total: number; items: { reference: string }[] };
  };
  const listed = new Set<string>();
  /** Follows a link found in the HTML: the list's total is the figure printed in the link. */
  const check = async (html: string, pdf: string, href: string, figure: number) => {
    expect(html).toContain(`<a href="${href.replace(/&/g, '&amp;')}">${figure}</a>`);
    expect(pdf).toContain(`/URI (${href})`);
    const list = await follow(href);
    expect(list.total).toBe(figure);
    for (const i of list.items) listed.add(i.reference);
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0', PUBLIC_URL } });
    sec = await createUser(t, { role: 'secretariat' });
    await seedReportDataset(t.dataSource, handMadeDataset());
    // A pledge of the cycle's population taken off the public site before the run: no report counts it, no list shows it.
    [{ reference: unpublished }] = await t.dataSource.query(
      `UPDATE pledge SET published_version = NULL WHERE id = (SELECT id FROM pledge WHERE withdrawn_at IS NULL ORDER BY reference LIMIT 1) RETURNING reference`);
    process.env.PUBLIC_URL = PUBLIC_URL;
    worker = await startWorker();
  });
  afterAll(async () => {
    delete process.env.PUBLIC_URL;
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('IMRF summary: every status count, the total and every objective coverage count equal their list', async () => {
    const { doc, html, pdf } = await compiled({ kind: 'imrf_summary', cycle: CYCLE });
    const dist = block<StatusDistributionBlock>(doc, 'status-distribution');
    expect(dist.href).toBe(`${PUBLIC_URL}/pledges?cycle=${CYCLE}&reported=owed`);
    await check(html, pdf, dist.href!, dist.total);
    for (const e of dist.entries) {
      expect(e.href).toBe(`${PUBLIC_URL}/pledges?cycle=${CYCLE}&reported=owed&statusInCycle=${e.status}`);
      if (e.count > 0) await check(html, pdf, e.href!, e.count);
      else expect((await follow(e.href!)).total).toBe(0);
    }
    const coverage = block<TableBlock>(doc, 'objective-coverage');
    expect(coverage.links).toHaveLength(coverage.rows.length);
    const eight = coverage.rows.findIndex((r) => r.objective === 8);
    await check(html, pdf, coverage.links![eight].pledges, coverage.rows[eight].pledges as number);
    for (const [i, r] of coverage.rows.entries()) {
      expect((await follow(coverage.links![i].pledges)).total).toBe(r.pledges);
    }
  });

  it('objective and theme reports: the status counts of objective 8 and the theme\'s coverage counts equal their lists', async () => {
    const objective = await compiled({ kind: 'objective', scope: '8', cycle: CYCLE });
    const dist = block<StatusDistributionBlock>(objective.doc, 'status-distribution');
    await check(objective.html, objective.pdf, dist.href!, dist.total);
    for (const e of dist.entries.filter((x) => x.count > 0)) await check(objective.html, objective.pdf, e.href!, e.count);
    expect(new URL(dist.href!).searchParams.get('objective')).toBe('8');

    const theme = await compiled({ kind: 'theme', scope: '1', cycle: CYCLE });
    const coverage = block<TableBlock>(theme.doc, 'objective-coverage');
    expect(coverage.rows.filter((r) => (r.pledges as number) > 0).length).toBeGreaterThan(0);
    for (const [i, r] of coverage.rows.entries()) {
      if ((r.pledges as number) > 0) await check(theme.html, theme.pdf, coverage.links![i].pledges, r.pledges as number);
    }
    // The theme's actionable commitments: pledges owing the cycle an update that address each.
    const commitments = block<TableBlock>(theme.doc, 'commitments');
    expect(commitments.links).toHaveLength(commitments.rows.length);
    for (const [i, r] of commitments.rows.entries()) expect((await follow(commitments.links![i].pledges)).total).toBe(r.pledges);
  });

  it('no list shows an unpublished pledge, one withdrawn before the cycle or one published after it', async () => {
    expect(listed.size).toBeGreaterThan(0);
    expect(listed).not.toContain(unpublished);
    const rows: { reference: string; owes: boolean }[] = await t.dataSource.query(
      `SELECT p.reference, p.published_version IS NOT NULL AND pledge_owes_update(p.first_published_at, p.withdrawn_at, c.status, c.period_start, c.closed_at) AS owes
         FROM pledge p, reporting_cycle c WHERE c.code = $1 AND p.reference = ANY($2::text[])`, [CYCLE, [...listed]]);
    expect(rows).toHaveLength(listed.size);
    expect(rows.filter((r) => !r.owes)).toEqual([]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pledge p, reporting_cycle c WHERE c.code = $1 AND p.reference = ANY($2::text[])
         AND (p.withdrawn_at < c.period_start OR p.first_published_at > coalesce(c.closed_at, now()))`, [CYCLE, [...listed]]);
    expect(n).toBe(0);
  });

  it('refuses a status it does not know, or one without a cycle, with field errors', async () => {
    const bad = await t.http.get(`/api/v1/pledges?cycle=${CYCLE}&statusInCycle=sometimes`).expect(400);
    expect(JSON.stringify(bad.body)).toContain('statusInCycle');
    const alone = await t.http.get('/api/v1/pledges?statusInCycle=delayed').expect(400);
    expect(JSON.stringify(alone.body)).toContain('statusInCycle');
  });
});
