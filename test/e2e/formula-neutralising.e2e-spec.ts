import type { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isFormulaLike, QueueService } from '@gcm/platform';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle, pledgeBody, publishedPledge, text } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';

/** Text a spreadsheet would run, one per free-text field, with every formula starter OWASP lists (and a full-width one). */
const hostile = (field: string, lead: string) => `${lead}HYPERLINK(http://attacker.invalid/${field})+1`;
const F = {
  title: hostile('pledge-title', '='),
  description: `${hostile('pledge-description', '+')} ${text(400, 'Rescue coordination narrative')}`,
  partner: hostile('partner-name', '-'),
  indicator: hostile('indicator-name', '@'),
  unit: '=1+1 people',
  organisation: hostile('lead-organisation', '＝'),
  actionsTaken: hostile('actions-taken', '='),
  challenges: hostile('challenges', '+'),
  nextSteps: hostile('next-steps', '-'),
  practiceTitle: hostile('practice-title', '='),
  practiceOrganisation: hostile('practice-organisation', '@'),
  practiceScope: hostile('practice-scope', '+'),
  practiceText: hostile('practice-text', '-'),
};

const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

/** Every text cell of a CSV: none may start like a formula (numbers such as -2 are not text). */
function formulaCells(csv: string): string[] {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  return rows.flat().filter((cell) => isFormulaLike(cell) && !NUMBER.test(cell));
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every cell of a workbook that is a formula, or text that starts like one. */
function formulaCellsXlsx(wb: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    if (c.type === ExcelJS.ValueType.Formula) found.push(`${ws.name}!${c.address}: formula`);
    else if (typeof c.value === 'string' && isFormulaLike(c.value)) found.push(`${ws.name}!${c.address}: ${c.value}`);
  })));
  return found;
}

function xlsxText(wb: ExcelJS.Workbook): string {
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.value)))));
  return parts.join('\n');
}

/**
 * A pledge, its progress update and a practice card whose every free-text
 * field starts like a spreadsheet formula, then every CSV and XLSX the
 * platform writes: the pledge exports, the open-data files and the report
 * annexes. Each must carry the text, neutralised (a leading apostrophe), and
 * no cell a spreadsheet would run.
 */
describe('formula neutralising in every CSV and XLSX the platform writes', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  let practiceCode: string;
  const bytes = async (path: string, token?: string): Promise<Buffer> => {
    const req = t.http.get(path);
    if (token) req.set(bearer(token));
    const res = await req.buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };
  const neutralised = (s: string) => `'${s}`;

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0' } });
    sec = await createUser(t, { role: 'secretariat' });
    const fra = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    await t.dataSource.query(`UPDATE organisation SET name = $1 WHERE country_alpha3 = 'FRA'`, [F.organisation]);
    await openCycle(t, sec, { code: '2026-H2', periodStart: '2026-07-01', periodEnd: '2026-12-31' });
    const pledge = await publishedPledge(t, fra, sec, pledgeBody({
      title: F.title,
      description: F.description,
      partners: [{ name: F.partner }],
      indicators: [{
        name: F.indicator, unit: F.unit, direction: 'increase',
        baseline: { value: 100, date: '2025-12-31' }, target: { value: 500, date: '2027-12-31' },
      }],
    }));
    const indicatorId = pledge.working?.indicators?.[0]?.id ?? pledge.indicators?.[0]?.id;
    const created = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(bearer(fra.accessToken)).send({
      cycle: '2026-H2', status: 'on_track', percentComplete: 40,
      actionsTaken: F.actionsTaken, challenges: F.challenges, nextSteps: F.nextSteps,
      ...(indicatorId ? { measurements: [{ indicatorId, value: 250, asOf: '2026-11-30', note: hostile('measurement-note', '@') }] } : {}),
      evidence: [{ url: 'https://example.org/report.pdf', title: hostile('evidence-title', '=') }],
      partnerContributions: [{ name: hostile('contributor', '+'), contribution: hostile('contribution', '-') }],
    });
    expect(created.status).toBe(201);
    await t.http.post(`/api/v1/updates/${created.body.id}/submit`).set(bearer(fra.accessToken)).send({}).expect(200);
    await t.http.post(`/api/v1/updates/${created.body.id}/validate`).set(bearer(sec.accessToken)).send({}).expect(200);

    // Practice cards come from the IDM report's importer; no API edits their text, so the card is rewritten in place.
    [{ code: practiceCode }] = await t.dataSource.query(
      `SELECT p.code FROM practice p JOIN practice_session_objective o ON o.session_number = p.session_number
       WHERE o.objective_number = 8 ORDER BY p.code LIMIT 1`,
    );
    await t.dataSource.query(
      `UPDATE practice SET title = $2, organisation = $3, geographical_scope = $4, description = $5, impacts = $5,
         lessons_learned = $5, resources = $5, period = $5 WHERE code = $1`,
      [practiceCode, F.practiceTitle, F.practiceOrganisation, F.practiceScope, F.practiceText],
    );
    worker = await startWorker();
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('pledge export: CSV and XLSX', async () => {
    const csv = (await bytes('/api/v1/pledges/export.csv')).toString('utf8');
    expect(formulaCells(csv)).toEqual([]);
    for (const s of [F.title, F.description, F.partner, F.organisation]) expect(csv).toContain(neutralised(s));
    expect(csv).toContain(`'${F.indicator} (${F.unit})`);

    const wb = await workbook(await bytes('/api/v1/pledges/export.xlsx'));
    expect(formulaCellsXlsx(wb)).toEqual([]);
    const all = xlsxText(wb);
    for (const s of [F.title, F.description, F.partner, F.organisation]) expect(all).toContain(neutralised(s));
  });

  it('open data: the pledges (partners included), updates and practices CSV files', async () => {
    const pledges = (await bytes('/api/v1/open-data/pledges.csv')).toString('utf8');
    expect(formulaCells(pledges)).toEqual([]);
    const row = (parse(pledges, { columns: true }) as Record<string, string>[]).find((r) => r.title === neutralised(F.title))!;
    expect(row).toMatchObject({ description: neutralised(F.description), partners: neutralised(F.partner), lead_organisation: neutralised(F.organisation) });

    const updates = (await bytes('/api/v1/open-data/updates.csv')).toString('utf8');
    expect(formulaCells(updates)).toEqual([]);
    const update = (parse(updates, { columns: true }) as Record<string, string>[]).find((r) => r.cycle === '2026-H2')!;
    expect(update).toMatchObject({
      actions_taken: neutralised(F.actionsTaken), challenges: neutralised(F.challenges), next_steps: neutralised(F.nextSteps),
    });

    const practices = (await bytes('/api/v1/open-data/practices.csv')).toString('utf8');
    expect(formulaCells(practices)).toEqual([]);
    const card = (parse(practices, { columns: true }) as Record<string, string>[]).find((r) => r.code === practiceCode)!;
    expect(card).toMatchObject({
      title: neutralised(F.practiceTitle), organisation: neutralised(F.practiceOrganisation), geographical_scope: neutralised(F.practiceScope),
      description: neutralised(F.practiceText), impacts: neutralised(F.practiceText), lessons_learned: neutralised(F.practiceText),
    });
  });

  it.each([
    ['state', 'FRA', [F.title, F.indicator, F.unit]],
    ['objective', '8', [F.title, F.practiceTitle, F.practiceOrganisation]],
  ] as const)('report annexes of a %s report (%s): the CSV and the XLSX', async (kind, scope, expected) => {
    const req = await t.http.post('/api/v1/reports/requests').set(bearer(sec.accessToken)).send({ kind, scope, cycle: '2026-H2' });
    expect([201, 202, 200]).toContain(req.status);
    const done = await waitFor(async () => {
      const r = (await t.http.get(`/api/v1/reports/runs/${req.body.id}`).set(bearer(sec.accessToken))).body;
      if (r.status === 'failed') throw new Error(`report failed: ${JSON.stringify(r)}`);
      return r.status === 'completed' ? r : null;
    }, `the ${kind} report`);

    const csv = (await bytes(`/api/v1/reports/${done.versionId}/download.csv`, sec.accessToken)).toString('utf8');
    expect(formulaCells(csv)).toEqual([]);
    for (const s of expected) expect(csv).toContain(neutralised(s));

    const wb = await workbook(await bytes(`/api/v1/reports/${done.versionId}/download.xlsx`, sec.accessToken));
    expect(formulaCellsXlsx(wb)).toEqual([]);
    const all = xlsxText(wb);
    for (const s of expected) expect(all).toContain(neutralised(s));
  });
});
