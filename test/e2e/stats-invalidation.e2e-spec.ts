import { prepareBody, StatsCache } from '@gcm/platform';
import { Client } from 'pg';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle, pledgeBody, publishedPledge } from '../helpers/pledges';
import { hiddenWrite, listenerPids, sql, until } from '../helpers/stats-cache';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * Tables no public aggregate (stats, related practices, open-data validators)
 * reads directly: accounts and sessions, audit, idempotency, notifications,
 * report runs and files, expert reports, evidence files, pledge and update
 * history and reviews, and the read model. Every other table must notify stats_changed; a new table
 * fails this test until its migration adds the triggers or it is listed here.
 */
const PRIVATE_TABLES = [
  'app_user', 'session', 'refresh_token', 'user_token', 'sso_provider', 'sso_identity', 'sso_attempt', 'audit_log', 'idempotency_key', 'notification', 'migrations',
  'report_run', 'report_file', 'report_snapshot', 'report_version', 'report_editorial', 'report_editorial_revision', 'expert_report', 'evidence_blob', 'reporting_reminder',
  'practice_import', 'sheet_import', 'pledge_version', 'pledge_review', 'progress_update_version', 'progress_update_review',
  // Feeds read the outbox live (not through the stats cache); webhooks are the secretariat's.
  'publication_event', 'webhook', 'webhook_delivery',
  'reminder_link', 'deadline_extension',
  // E-mail subscribers: private addresses, read by the daily mail only.
  'email_subscriber', 'email_subscription', 'email_digest_mail',
  // The read model: written only by the source tables' triggers, in the transaction whose notification covers it.
  'stats_pledge', 'stats_update',
  // The dashboards' snapshot log: written only by stats_notify itself, in the transaction whose notification covers it.
  'public_data_change',
  // Resumable uploads in progress: the uploader's own bytes; a finished one becomes progress_evidence.
  'evidence_upload', 'evidence_upload_chunk',
];

/**
 * The stats cache learns of commits from the database (triggers NOTIFY, one
 * listener per process), so every writer — a service, the worker, psql — is
 * seen without calling anything. A day-long TTL makes any missed invalidation
 * show as a stale answer.
 */
describe('stats cache invalidated by the database', () => {
  let t: TestApp;
  let secretariat: CreatedUser;
  let focal: CreatedUser;
  let ngo: { id: string; version: number };
  let pledgeId: string;

  const objective5 = async () => (await t.http.get('/api/v1/stats/objectives/5').expect(200)).body;
  const leadName = async () => (await objective5()).recentPledges[0].leadOrganisation as string;
  const rec101 = async () => (await objective5()).recommendations.find((r: { paragraph: number }) => r.paragraph === 101).shortTitle as string;
  const headline = async (q = '') => (await t.http.get(`/api/v1/stats/headline${q}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ env: { STATS_CACHE_TTL_SECONDS: '86400' } });
    secretariat = await createUser(t, { role: 'secretariat' });
    const created = await t.http.post('/api/v1/organisations').set(bearer(secretariat.accessToken))
      .send({ kind: 'civil_society', name: 'Harbour Watch' }).expect(201);
    ngo = { id: created.body.id, version: created.body.version };
    focal = await createUser(t, { role: 'focal_point', organisationId: ngo.id });
    const body = pledgeBody({
      alignment: { objectives: [{ number: 5, primary: true }], principles: [], recommendations: [101], commitments: [] }, scope: null,
    });
    pledgeId = (await publishedPledge(t, focal, secretariat, body)).id;
    await until(() => t.http.get('/api/v1/stats/headline').then((r) => r.body.pledges === 1), 'the listener is up');
  });
  afterAll(() => t.close());

  it('serves a day-long cached copy while nothing is notified (a write with triggers off)', async () => {
    expect(await leadName()).toBe('Harbour Watch');
    await hiddenWrite(t.db.url, `UPDATE organisation SET name = 'Renamed behind the cache' WHERE id = $1`, [ngo.id]);
    expect(await leadName()).toBe('Harbour Watch');
    await hiddenWrite(t.db.url, `UPDATE organisation SET name = 'Harbour Watch' WHERE id = $1`, [ngo.id]);
  });

  it('renaming an organisation shows on the dashboards on the next request', async () => {
    const before = await t.http.get('/api/v1/stats/objectives/5').expect(200);
    await t.http.patch(`/api/v1/organisations/${ngo.id}`).set(bearer(secretariat.accessToken))
      .send({ name: 'Harbour Watch International', version: ngo.version }).expect(200);
    const after = await t.http.get('/api/v1/stats/objectives/5').expect(200);
    expect(after.body.recentPledges[0].leadOrganisation).toBe('Harbour Watch International');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    await t.http.get('/api/v1/stats/objectives/5').set('If-None-Match', before.headers.etag).expect(200);
  });

  it('editing an SG recommendation shows on the next request', async () => {
    expect(await rec101()).not.toBe('Regular pathways, widened');
    await t.http.patch('/api/v1/framework/recommendations/101').set(bearer(secretariat.accessToken))
      .send({ shortTitle: 'Regular pathways, widened' }).expect(200);
    expect(await rec101()).toBe('Regular pathways, widened');
  });

  it('changing the crosswalk shows on the next request', async () => {
    const themes = async () => ((await objective5()).themes as { code: string; primary: boolean }[]).map((x) => `${x.code}${x.primary ? '*' : ''}`);
    const before = await themes();
    expect(before).toHaveLength(1);
    await t.http.put('/api/v1/framework/objectives/5/themes').set(bearer(secretariat.accessToken)).send({ themes: [1, 3], primary: 1 }).expect(200);
    const after = await themes();
    expect(after).toHaveLength(2);
    expect(after[0]).toMatch(/\*$/);
    expect(after).not.toEqual(before);
  });

  it('publication, validation and closing a cycle still invalidate at once', async () => {
    expect((await headline()).pledges).toBe(1);
    await publishedPledge(t, focal, secretariat, pledgeBody({ title: 'A second pledge of Harbour Watch', scope: null }));
    expect((await headline()).pledges).toBe(2);

    await openCycle(t, secretariat, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    const status = async () => (await t.http.get('/api/v1/stats/status?cycle=2026-H1').expect(200)).body;
    const before = await status();
    const update = await t.http.post(`/api/v1/pledges/${pledgeId}/updates`).set(bearer(focal.accessToken))
      .send({ cycle: '2026-H1', status: 'achieved', percentComplete: 100, actionsTaken: 'Harbour patrols now run every night.' }).expect(201);
    expect(await status()).toEqual(before); // a draft is private: nothing public changed
    await t.http.post(`/api/v1/updates/${update.body.id}/submit`).set(bearer(focal.accessToken)).send({}).expect(200);
    await t.http.post(`/api/v1/updates/${update.body.id}/validate`).set(bearer(secretariat.accessToken)).send({}).expect(200);
    expect(JSON.stringify(await status())).not.toBe(JSON.stringify(before));

    const trend = async () => (await t.http.get('/api/v1/stats/status-trend').expect(200)).body;
    expect(JSON.stringify(await trend())).toContain('"open"');
    await t.http.post('/api/v1/cycles/2026-H1/close').set(bearer(secretariat.accessToken)).send({}).expect(200);
    expect(JSON.stringify(await trend())).not.toContain('"open"');
  });

  it('a write made in SQL by another connection, outside the application, invalidates too', async () => {
    const psql = new Client({ connectionString: t.db.url });
    await psql.connect();
    try {
      await psql.query(`UPDATE recommendation SET short_title = 'Edited in psql' WHERE paragraph = 101`);
    } finally {
      await psql.end();
    }
    expect(await until(rec101, 'the psql edit', (v) => v === 'Edited in psql')).toBe('Edited in psql');
  });

  it('the listener reconnects after its connection is killed, and invalidates what it may have missed', async () => {
    const [pid] = await listenerPids(t.db.url);
    expect(pid).toBeDefined();
    // The psql edit handled (its invalidation window closed), so the next read is kept: the one that first saw the edit may not have been.
    await t.app.get(StatsCache).settle();
    expect(await rec101()).toBe('Edited in psql');
    await hiddenWrite(t.db.url, `UPDATE recommendation SET short_title = 'Changed while unheard' WHERE paragraph = 101`);
    expect(await rec101()).toBe('Edited in psql');
    await hiddenWrite(t.db.url, 'SELECT pg_terminate_backend($1)', [pid]);
    expect(await until(rec101, 'the reconnection', (v) => v === 'Changed while unheard')).toBe('Changed while unheard');
    const [again] = await until(() => listenerPids(t.db.url), 'a new listener', (pids) => pids.length === 1);
    expect(again).not.toBe(pid);
    // Cached and invalidated as before on the new connection.
    await t.http.patch('/api/v1/framework/recommendations/101').set(bearer(secretariat.accessToken)).send({ shortTitle: 'After the reconnection' }).expect(200);
    expect(await rec101()).toBe('After the reconnection');
  });

  it('every table a public aggregate can read notifies on insert, update, delete and truncate', async () => {
    const rows = await sql<{ table: string; triggers: string[] }>(t.db.url, `
      SELECT c.relname AS table, ARRAY(SELECT tg.tgname::text FROM pg_trigger tg
          WHERE tg.tgrelid = c.oid AND tg.tgname LIKE 'stats\\_changed\\_%' ORDER BY 1) AS triggers
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`);
    expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining(PRIVATE_TABLES));
    const all = ['stats_changed_delete', 'stats_changed_insert', 'stats_changed_truncate', 'stats_changed_update'];
    const wrong = rows.filter((r) => (PRIVATE_TABLES.includes(r.table) ? r.triggers.length > 0 : r.triggers.join() !== all.join()));
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r.triggers.length).map((r) => r.table)).toEqual(expect.arrayContaining(
      ['pledge', 'pledge_objective', 'progress_update', 'progress_measurement', 'reporting_cycle', 'organisation', 'recommendation', 'objective_theme', 'country', 'practice'],
    ));
  });

  it('a draft saved, or the working copy of a published pledge edited, leaves the cache alone', async () => {
    await t.app.get(StatsCache).settle();
    const cached = await rec101();
    await hiddenWrite(t.db.url, `UPDATE recommendation SET short_title = 'Unheard' WHERE paragraph = 101`);
    expect(await rec101()).toBe(cached);
    expect(cached).not.toBe('Unheard');
    const [{ version }] = await sql<{ version: number }>(t.db.url, 'SELECT version FROM pledge WHERE id = $1', [pledgeId]);
    await t.http.patch(`/api/v1/pledges/${pledgeId}`).set(bearer(focal.accessToken)).set('If-Match', `"${version}"`)
      .send({ title: 'A revision still in draft' }).expect(200);
    await t.http.post('/api/v1/pledges').set(bearer(focal.accessToken)).send(pledgeBody({ title: 'A new draft' })).expect(201);
    expect(await rec101()).toBe(cached);
    // Publishing the revision is public: now everything is recomputed.
    await t.http.post(`/api/v1/pledges/${pledgeId}/submit`).set(bearer(focal.accessToken)).send({}).expect(200);
    await t.http.post(`/api/v1/pledges/${pledgeId}/publish`).set(bearer(secretariat.accessToken)).send({}).expect(200);
    expect(await rec101()).toBe('Unheard');
  });

  it('a value computed from data read before a change is not stored as fresh, here or in Redis', async () => {
    const cache = t.app.get(StatsCache);
    const key = '/api/v1/stats/raced-fill';
    const lookup = await cache.lookup(key);
    expect(lookup).not.toBeNull();
    expect(lookup?.hit).toBeUndefined();
    // …the value is being computed from the old data when another connection commits a change…
    await sql(t.db.url, `UPDATE country SET name = name WHERE alpha3 = 'FRA'`);
    expect(await until(() => cache.lookup(key).then((l) => l?.generation), 'the change', (g) => g !== lookup?.generation)).not.toBe(lookup?.generation);
    // …and only then lands: it is refused.
    await cache.store(lookup!, key, await prepareBody({ etag: '"stale"', body: '{"stale":true}' }));
    expect(cache.peek(key)).toBeUndefined();
    expect((await cache.lookup(key))?.hit).toBeUndefined();
    // A value computed after the change is kept.
    const fresh = await cache.lookup(key);
    await cache.store(fresh!, key, await prepareBody({ etag: '"fresh"', body: '{"fresh":true}' }));
    expect(cache.peek(key)?.source.body).toBe('{"fresh":true}');
    expect((await cache.lookup(key))?.hit?.source.body).toBe('{"fresh":true}');
  });

  it('concurrent writes all settle, and the last committed state is what the dashboards show', async () => {
    const titles = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((n) => `Concurrent edit ${n}`);
    await Promise.all(titles.map((shortTitle, i) => t.http.patch(`/api/v1/framework/recommendations/${[101, 102, 103][i % 3]}`)
      .set(bearer(secretariat.accessToken)).send({ shortTitle }).expect(200)));
    const [last] = await sql<{ short_title: string }>(t.db.url, 'SELECT short_title FROM recommendation WHERE paragraph = 101');
    expect(titles).toContain(last.short_title);
    expect(await rec101()).toBe(last.short_title);
  });
});
