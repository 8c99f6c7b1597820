import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { ReportDocument, StatusDistributionBlock, TableBlock } from '@gcm/reports';
import { PREVIOUS, UNVALIDATED_CHALLENGE, handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
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
  /** Every list answer read, to check none holds unpublished or unvalidated content. */
  const answers: unknown[] = [];
  /** A link of any list (pledges page, States, updates), asked of the API as the page does. */
  const followAny = async (href: string) => {
    const url = new URL(href);
    expect(url.origin).toBe(PUBLIC_URL);
    const path = url.pathname === '/pledges' ? '/api/v1/pledges' : url.pathname;
    expect(['/api/v1/pledges', '/api/v1/pledges/pledgers', '/api/v1/pledges/updates']).toContain(path);
    const res = await t.http.get(`${path}${url.search}&limit=100`).expect(200);
    answers.push(res.body);
    // The pledges of one-cycle lists, checked below against that cycle's population.
    if (path !== '/api/v1/pledges/pledgers' && url.searchParams.get('cycle') === CYCLE) {
      for (const i of res.body.items as { reference: string }[]) listed.add(i.reference);
    }
    return { path, body: res.body as { total: number; items: Record<string, unknown>[] } };
  };
  /** Every linked figure of a document: key figures, table cells, status counts and totals. */
  const linkedFigures = (doc: ReportDocument) => doc.sections.flatMap((s) => s.blocks).flatMap((b) => {
    if (b.type === 'key_figures') return b.items.filter((f) => f.href).map((f) => ({ where: `${b.id}.${f.key}`, href: f.href!, value: f.value as number, html: `<a href="${esc(f.href!)}"><data value="${f.value}">` }));
    if (b.type === 'table' && b.links) {
      return b.links.flatMap((l, i) => Object.entries(l).map(([k, href]) => ({ where: `${b.id}[${i}].${k}`, href, value: b.rows[i][k] as number, html: `<a href="${esc(href)}">${b.rows[i][k]}</a>` })));
    }
    if (b.type === 'status_distribution' && b.href) {
      return [{ where: `${b.id}.total`, href: b.href, value: b.total, html: `<a href="${esc(b.href)}">${b.total}</a>` },
        ...b.entries.map((e) => ({ where: `${b.id}.${e.status}`, href: e.href!, value: e.count, html: `<a href="${esc(e.href!)}">${e.count}</a>` }))];
    }
    return [];
  });
  const esc = (href: string) => href.replace(/&/g, '&amp;');
  /** Follows every linked figure: printed as a link in HTML and PDF, and the list's total is the figure. Returns the links by where. */
  const checkEvery = async (report: { doc: ReportDocument; html: string; pdf: string }) => {
    const figures = linkedFigures(report.doc);
    const seen: Record<string, string> = {};
    for (const f of figures) {
      expect(report.html).toContain(f.html);
      expect(report.pdf).toContain(`/URI (${f.href})`);
      const { body } = await followAny(f.href);
      expect({ where: f.where, total: body.total }).toEqual({ where: f.where, total: f.value });
      seen[f.where] = f.href;
    }
    return seen;
  };
  const kindOf = (href: string) => new URL(href).pathname;
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

  it('IMRF summary: the headline States, pledges and updates counts, the theme roll-up by primary theme and the gaps link to their lists', async () => {
    const report = await compiled({ kind: 'imrf_summary', cycle: CYCLE });
    const seen = await checkEvery(report);
    expect(kindOf(seen['headline.statesWithPledges'])).toBe('/api/v1/pledges/pledgers');
    expect(new URL(seen['headline.statesWithPledges']).searchParams.get('pledgerKind')).toBe('state');
    expect(kindOf(seen['headline.reportingStates'])).toBe('/api/v1/pledges/pledgers');
    expect(kindOf(seen['headline.updates'])).toBe('/api/v1/pledges/updates');
    expect(seen['headline.lateUpdates']).toContain('reported=late');
    expect(seen['headline.pledgesOwing']).toBeDefined();
    const themes = block<TableBlock>(report.doc, 'theme-rollup');
    for (const [i, r] of themes.rows.entries()) {
      for (const k of ['pledges', 'updates', 'reportingStates']) expect(seen[`theme-rollup[${i}].${k}`]).toContain(`primaryTheme=${String(r.theme).replace(/^T/, '')}`);
    }
    // The roll-up counts each pledge once: the primary-theme lists together are the population.
    expect(themes.rows.reduce((n, r) => n + (r.pledges as number), 0)).toBe((await followAny(seen['headline.pledgesOwing'])).body.total);
    const coverage = block<TableBlock>(report.doc, 'objective-coverage');
    for (const i of coverage.rows.keys()) expect(Object.keys(coverage.links![i]).sort()).toEqual(['pledges', 'pledgingStates', 'reportingStates']);
    expect(block<TableBlock>(report.doc, 'gaps').links).toHaveLength(block<TableBlock>(report.doc, 'gaps').rows.length);
    const silent = block<TableBlock>(report.doc, 'non-reporting-states');
    expect(silent.links).toHaveLength(silent.rows.length);
  });

  it('a span IMRF summary and a span round-table note link their counts to the span\'s population (cycles=…)', async () => {
    const span = await compiled({ kind: 'imrf_summary', cycles: [PREVIOUS.code, CYCLE] });
    const seen = await checkEvery(span);
    expect(new URL(seen['status-distribution.total']).searchParams.get('cycles')).toBe(`${PREVIOUS.code},${CYCLE}`);
    expect(seen['headline.updates']).toBeDefined();
    // The span's updates are those of each of its cycles.
    const each = await Promise.all([PREVIOUS.code, CYCLE].map((c) => followAny(`${PUBLIC_URL}/api/v1/pledges/updates?cycle=${c}&reported=counted`)));
    expect((await followAny(seen['headline.updates'])).body.total).toBe(each[0].body.total + each[1].body.total);

    const rt = await compiled({ kind: 'round_table', scope: 'RT2', cycles: [PREVIOUS.code, CYCLE] });
    const rtSeen = await checkEvery(rt);
    expect(rtSeen['headline.pledges']).toContain('roundTable=RT2');
    expect(rtSeen['status-8.total']).toContain('objective=8');
  });

  it('region, round-table, theme (by primary theme), objective and State reports: every linked figure equals its list', async () => {
    const [{ region }] = await t.dataSource.query(
      `SELECT c.region_m49 AS region FROM organisation o JOIN country c ON c.alpha3 = o.country_alpha3 WHERE o.kind = 'state'
        GROUP BY c.region_m49 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const regional = await compiled({ kind: 'region', scope: region, cycle: CYCLE });
    const seen = await checkEvery(regional);
    expect(seen['headline.statesWithPledges']).toContain(`leadRegion=${region}`);
    expect(seen['headline.reportingStates']).toContain('reported=counted');
    expect(block<TableBlock>(regional.doc, 'subregions').links!.length).toBeGreaterThan(0);
    expect(Object.keys(seen).some((w) => w.startsWith('states['))).toBe(true);

    const rt = await compiled({ kind: 'round_table', scope: 'RT2', cycle: CYCLE });
    const rtSeen = await checkEvery(rt);
    expect(rtSeen['headline.reportingStates']).toBeDefined();

    const theme = await compiled({ kind: 'theme', scope: '1', cycle: CYCLE });
    const themeSeen = await checkEvery(theme);
    expect(themeSeen['status-distribution.total']).toContain('primaryTheme=1');
    expect(themeSeen['headline.updates']).toContain('primaryTheme=1');
    expect(Object.keys(themeSeen).some((w) => /^commitments\[\d+\]\.updates$/.test(w))).toBe(true);

    const objective = await compiled({ kind: 'objective', scope: '8', cycle: CYCLE });
    const objectiveSeen = await checkEvery(objective);
    expect(objectiveSeen['headline.statesWithPledges']).toContain('pledgerKind=state');

    const [{ id: s3 }] = await t.dataSource.query(
      `SELECT o.country_alpha3 AS id FROM pledge p JOIN organisation o ON o.id = p.lead_organisation_id JOIN progress_update u ON u.pledge_id = p.id
        WHERE u.editorial_status = 'submitted' AND p.published_version IS NOT NULL AND o.kind = 'state' ORDER BY p.reference LIMIT 1`);
    const state = await compiled({ kind: 'state', scope: s3, cycle: CYCLE });
    const stateSeen = await checkEvery(state);
    expect(Object.keys(stateSeen)).toEqual(expect.arrayContaining(['headline.pledgesOwing', 'headline.updates', 'headline.late', 'headline.missing']));
    // The State's submitted update is counted, listed without its content.
    const updates = (await followAny(stateSeen['headline.updates'])).body.items;
    expect(updates.some((u) => u.validated === false)).toBe(true);
  });

  it('the updates lists show a submitted update as counted with no content, and no list holds unvalidated text', async () => {
    expect(answers.length).toBeGreaterThan(0);
    const all = JSON.stringify(answers);
    expect(all).not.toContain(UNVALIDATED_CHALLENGE);
    const updates = answers.flatMap((a) => (a as { items: Record<string, unknown>[] }).items).filter((i) => 'validated' in i);
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates.filter((x) => x.validated === false)) {
      expect(u).toMatchObject({ status: null, percentComplete: null, validatedAt: null });
      expect(Object.keys(u).sort()).toEqual(['cycle', 'language', 'late', 'leadOrganisation', 'percentComplete', 'periodStart', 'pledgeId', 'reference', 'status', 'title', 'validated', 'validatedAt']);
    }
    // Each listed update is one the database counts, with its real validation state: never a draft, returned or awaiting one.
    const states: { key: string; status: string }[] = await t.dataSource.query(
      `SELECT p.reference || '/' || c.code AS key, u.editorial_status AS status FROM progress_update u
         JOIN pledge p ON p.id = u.pledge_id JOIN reporting_cycle c ON c.id = u.cycle_id
        WHERE p.reference || '/' || c.code = ANY($1::text[])`, [updates.map((u) => `${u.reference}/${u.cycle}`)]);
    const byKey = new Map(states.map((r) => [r.key, r.status]));
    for (const u of updates) expect(byKey.get(`${u.reference}/${u.cycle}`)).toBe(u.validated ? 'validated' : 'submitted');
    for (const a of answers) {
      for (const i of (a as { items: { kind?: string; reference?: string }[] }).items) if (i.reference) expect(i.reference).not.toBe(unpublished);
    }
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

  it('refuses bad population filters with field errors, and combines good ones with the others', async () => {
    const field = async (query: string, name: string) => {
      const res = await t.http.get(query).expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(JSON.stringify(res.body.details)).toContain(name);
    };
    await field(`/api/v1/pledges?cycle=${CYCLE}&reported=owed&primaryTheme=x`, 'primaryTheme');
    await field(`/api/v1/pledges?cycle=${CYCLE}&reported=owed&leadRegion=europe`, 'leadRegion');
    await field('/api/v1/pledges?cycles=2026-H1,nope&reported=owed', 'cycles');
    await field(`/api/v1/pledges?cycles=${PREVIOUS.code},${CYCLE}`, 'cycles');
    await field(`/api/v1/pledges?cycle=${CYCLE}&cycles=${PREVIOUS.code},${CYCLE}&reported=owed`, 'cycles');
    await field(`/api/v1/pledges?cycle=${CYCLE}&reported=sometimes`, 'reported');
    await field(`/api/v1/pledges/updates?cycle=${CYCLE}&reported=owed`, 'reported');
    await field('/api/v1/pledges/updates?reported=counted', 'cycle');
    await field(`/api/v1/pledges/pledgers?cycle=${CYCLE}&reported=owed&sort=title`, 'sort');
    await field(`/api/v1/pledges/pledgers?cycle=${CYCLE}&reported=owed&unknown=1`, 'unknown');
    const states = await t.http.get(`/api/v1/pledges/pledgers?cycle=${CYCLE}&reported=counted&pledgerKind=state&objective=8`).expect(200);
    expect(states.body.items.every((o: { kind: string }) => o.kind === 'state')).toBe(true);
    expect(states.body.total).toBeGreaterThan(0);
  });

  it('refuses a status it does not know, or one without a cycle, with field errors', async () => {
    const bad = await t.http.get(`/api/v1/pledges?cycle=${CYCLE}&statusInCycle=sometimes`).expect(400);
    expect(JSON.stringify(bad.body)).toContain('statusInCycle');
    const alone = await t.http.get('/api/v1/pledges?statusInCycle=delayed').expect(400);
    expect(JSON.stringify(alone.body)).toContain('statusInCycle');
  });
});
