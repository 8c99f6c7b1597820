import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { ReportDocument } from '@gcm/reports';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle, publishedPledge, pledgeBody } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';

const SECRET_CHALLENGE = 'Unvalidated: the coastguard budget was frozen by the finance ministry.';
const SECRET_VALUE = 4321;
type Version = { id: string; kind: string; scope: string };
type Doc = ReportDocument;

const blocks = (doc: Doc) => doc.sections.flatMap((s) => s.blocks);
const fig = (doc: Doc, key: string) => blocks(doc).flatMap((b) => (b.type === 'key_figures' ? b.items : [])).find((f) => f.key === key)?.value;
const dist = (doc: Doc, id: string) => {
  const b = blocks(doc).find((x) => x.type === 'status_distribution' && x.id === id);
  return Object.fromEntries(b?.type === 'status_distribution' ? b.entries.map((e) => [e.status, e.count]) : []);
};
const rows = (doc: Doc, id: string) => {
  const b = blocks(doc).find((x) => x.type === 'table' && x.id === id);
  return b?.type === 'table' ? b.rows : [];
};

/**
 * Issue 10, tried as a new user would: the platform's first cycle, 2026-H1,
 * with every pledge published in the submission window (after 30 June,
 * before the deadline), four States owing, three reporting, one update
 * submitted with a challenge and "achieved" but never validated. Closed
 * through the API, its reports built by the worker in this process and
 * published; then the dashboard and every report must tell one story.
 */
describe('the first cycle: dashboard and every report agree', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  const docs = new Map<string, Doc>();
  const doc = (kind: string, scope: string) => docs.get(`${kind}/${scope}`) as Doc;
  let published: Version[] = [];

  const update = async (focal: CreatedUser, pledgeId: string, body: Record<string, unknown>, validate: boolean) => {
    const created = await t.http.post(`/api/v1/pledges/${pledgeId}/updates`).set(bearer(focal.accessToken)).send({ cycle: '2026-H1', ...body });
    expect(created.status).toBe(201);
    await t.http.post(`/api/v1/updates/${created.body.id}/submit`).set(bearer(focal.accessToken)).send({}).expect(200);
    if (validate) await t.http.post(`/api/v1/updates/${created.body.id}/validate`).set(bearer(sec.accessToken)).send({}).expect(200);
  };
  const download = async (id: string, format: string): Promise<string> =>
    (await t.http.get(`/api/v1/reports/${id}/download.${format}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    }).expect(200)).body as string;
  const objectives = (...ns: number[]) => ({ objectives: ns.map((number, i) => ({ number, primary: i === 0 })), principles: ['a'], recommendations: [], commitments: [] });

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    const [fra, ken, mex, phl] = await Promise.all(['FRA', 'KEN', 'MEX', 'PHL'].map((a) => createUser(t, { role: 'focal_point', organisationAlpha3: a })));
    // Today is after 30 June 2026 and the deadline is far off: every publication below falls in the submission window.
    await openCycle(t, sec, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    const f1 = await publishedPledge(t, fra, sec, pledgeBody({ alignment: objectives(8, 5) }));
    const f2 = await publishedPledge(t, fra, sec, pledgeBody({ title: 'Labour mobility partnership', alignment: objectives(5) }));
    const k1 = await publishedPledge(t, ken, sec, pledgeBody({ title: 'Missing migrants family liaison', alignment: objectives(8), scope: null }));
    const m1 = await publishedPledge(t, mex, sec, pledgeBody({ title: 'Rescue at the northern border', alignment: objectives(8, 2), scope: null }));
    await publishedPledge(t, phl, sec, pledgeBody({ title: 'Seafarers welfare desks', alignment: objectives(7), scope: null }));
    const [{ id: mexIndicator }] = await t.dataSource.query('SELECT id FROM pledge_indicator WHERE pledge_id = $1', [m1.id]);
    await update(fra, f1.id, { status: 'on_track', percentComplete: 40, actionsTaken: 'Joint patrols began.', challenges: 'Validated: vessel shortages.' }, true);
    await update(fra, f2.id, { status: 'achieved', percentComplete: 100, actionsTaken: 'Agreement signed.' }, true);
    await update(ken, k1.id, { status: 'achieved', percentComplete: 100, actionsTaken: 'Liaison office open.' }, true);
    await update(mex, m1.id, {
      status: 'achieved', percentComplete: 100, actionsTaken: 'Unvalidated actions.', challenges: SECRET_CHALLENGE,
      measurements: [{ indicatorId: mexIndicator, value: SECRET_VALUE, asOf: '2026-06-30' }],
    }, false);

    worker = await startWorker();
    const { version } = (await t.http.get('/api/v1/cycles/2026-H1')).body;
    await t.http.post('/api/v1/cycles/2026-H1/close').set(bearer(sec.accessToken)).send({ version }).expect(200);
    await waitFor(async () => (await t.http.get('/api/v1/cycles/2026-H1')).body.status === 'compiled', 'the cycle to be compiled', 90_000, 300);
    const all: Version[] = (await t.http.get('/api/v1/reports/versions?cycle=2026-H1&limit=200').set(bearer(sec.accessToken)).expect(200)).body.items;
    for (const v of all) await t.http.post(`/api/v1/reports/versions/${v.id}/publish`).set(bearer(sec.accessToken)).expect(200);
    published = (await t.http.get('/api/v1/reports?cycle=2026-H1&limit=200').expect(200)).body.items;
    for (const v of published) docs.set(`${v.kind}/${v.scope}`, JSON.parse(await download(v.id, 'json')));
  }, 180_000);
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('the dashboard headline counts the window pledges: 4 States owing, 3 reporting, 5 pledges, 2 achieved', async () => {
    const [{ inWindow }] = await t.dataSource.query(
      `SELECT bool_and(p.first_published_at > '2026-06-30T23:59:59.999Z' AND p.first_published_at < c.closed_at) AS "inWindow"
         FROM pledge p, reporting_cycle c WHERE c.code = '2026-H1' AND p.published_version IS NOT NULL`,
    );
    expect(inWindow).toBe(true);
    const h = (await t.http.get('/api/v1/stats/headline?cycle=2026-H1').expect(200)).body;
    expect(h).toMatchObject({ pledges: 5, statesPledging: 4, statesReporting: 3, reportingRate: 0.75, achieved: 2 });
  });

  it('the IMRF summary gives the same figures and the same status distribution', async () => {
    const h = (await t.http.get('/api/v1/stats/headline?cycle=2026-H1').expect(200)).body;
    const s = doc('imrf_summary', 'global');
    expect([fig(s, 'statesWithPledges'), fig(s, 'reportingStates'), fig(s, 'pledgesOwing'), fig(s, 'updates')])
      .toEqual([h.statesPledging, h.statesReporting, h.pledges, 4]);
    const summary = dist(s, 'status-distribution');
    const status = Object.fromEntries((await t.http.get('/api/v1/stats/status?cycle=2026-H1').expect(200)).body.statuses
      .map((x: { status: string; pledges: number }) => [x.status, x.pledges]));
    expect(summary).toMatchObject({ on_track: 1, achieved: 2, no_update: 2 });
    for (const k of ['on_track', 'delayed', 'achieved', 'discontinued']) expect(summary[k]).toBe(status[k]);
    // The dashboard has no "no validated update" bucket: it shows those pledges as not started.
    expect(status.not_started).toBe(summary.not_started + summary.no_update);
    expect(summary.achieved).toBe(h.achieved);
  });

  it('builds a State report for every State the summary counts, and their figures add up to it', () => {
    const states = published.filter((v) => v.kind === 'state').map((v) => v.scope).sort();
    expect(states).toEqual(['FRA', 'KEN', 'MEX', 'PHL']);
    const s = doc('imrf_summary', 'global');
    const sum = (key: string) => states.reduce((n, a) => n + Number(fig(doc('state', a), key)), 0);
    expect([sum('pledgesOwing'), sum('updates')]).toEqual([fig(s, 'pledgesOwing'), fig(s, 'updates')]);
    expect(fig(doc('state', 'MEX'), 'updates')).toBe(1); // reported: submitted, awaiting validation
    expect(rows(doc('state', 'MEX'), 'indicators').map((r) => r.value)).toEqual([null]);
  });

  it('objective, region, theme and round-table reports agree with the summary', async () => {
    const s = doc('imrf_summary', 'global');
    const row8 = rows(s, 'objective-coverage').find((r) => r.objective === 8)!;
    const o8 = doc('objective', '8');
    expect([fig(o8, 'pledges'), fig(o8, 'statesWithPledges'), fig(o8, 'updates')]).toEqual([row8.pledges, row8.pledgingStates, 3]);
    expect(rows(o8, 'pledges')).toHaveLength(3);
    const regions = published.filter((v) => v.kind === 'region');
    expect(regions.map((v) => v.scope).sort()).toEqual(['002', '019', '142', '150']);
    const total = (key: string) => regions.reduce((n, v) => n + Number(fig(doc('region', v.scope), key)), 0);
    expect([total('statesWithPledges'), total('reportingStates'), total('pledgesOwing'), total('updates')])
      .toEqual([fig(s, 'statesWithPledges'), fig(s, 'reportingStates'), fig(s, 'pledgesOwing'), fig(s, 'updates')]);
    const [{ rt }] = await t.dataSource.query('SELECT round_table_code AS rt FROM objective WHERE number = 8');
    expect(fig(doc('round_table', rt), 'reportingStates')).toBe(fig(s, 'reportingStates'));
    for (const v of published.filter((x) => x.kind === 'theme')) expect(fig(doc('theme', v.scope), 'reportingStatesAll')).toBe(fig(s, 'reportingStates'));
  });

  it('quotes the unvalidated challenge nowhere: no published report in JSON, HTML or CSV', async () => {
    expect(published.length).toBe(4 + 23 + 5 + 4 + 4 + 1);
    for (const v of published) {
      for (const format of ['json', 'html', 'csv']) {
        const body = await download(v.id, format);
        expect({ report: `${v.kind}/${v.scope}.${format}`, quoted: body.includes(SECRET_CHALLENGE) || body.includes('Unvalidated actions') })
          .toEqual({ report: `${v.kind}/${v.scope}.${format}`, quoted: false });
      }
    }
    expect(JSON.stringify(doc('imrf_summary', 'global'))).toContain('Validated: vessel shortages.');
  });

  it('says in every method note what it counted', () => {
    for (const [key, d] of docs) {
      const method = d.sections.find((x) => x.id === 'method');
      const text = JSON.stringify(method);
      expect({ key, population: text.includes('submission window'), validated: text.includes('Only validated updates') })
        .toEqual({ key, population: true, validated: true });
    }
  });
});
