import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort, waitForPort } from '../../apps/launcher/src/net.util';
import { RetentionPruneHandler } from '@gcm/accounts';
import { storedColumns, tableFingerprint, userTables } from '../../apps/launcher/src/backup/backup-format';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

const run = promisify(execFile);
const DIST = join(__dirname, '../../dist/apps/launcher/src');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('rescue coordination log\n'.repeat(200))]);

function cli(script: 'backup' | 'restore', args: string[], databaseUrl: string, env: Record<string, string> = {}) {
  return run(process.execPath, [join(DIST, `${script}.js`), ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', LOG_LEVEL: 'silent', ...env },
    timeout: 120_000,
  });
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Every table's row count and content hash (audit rows of the restore itself left out). */
async function fingerprints(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  return withClient(url, async (c) => {
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const table of await userTables(c)) {
      const columns = await storedColumns(c, table);
      out[table] = await tableFingerprint(c, table, columns, table === 'audit_log' ? `action <> 'backup.restore'` : 'true');
    }
    return out;
  });
}

describe('backup and restore; retention pruning', () => {
  let t: TestApp;
  let focal: CreatedUser;
  let secretariat: CreatedUser;
  let reference: string;
  let updateId: string;
  let out: string;
  let restoredName: string;
  let restoredUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'PHL' });
    secretariat = await createUser(t, { role: 'secretariat' });
    const pledge = await publishedPledge(t, focal, secretariat, { title: 'Rescue coordination at sea for every migrant in distress' });
    reference = pledge.reference;
    await openCycle(t, secretariat, { code: '2024-H1', periodStart: '2024-01-01', periodEnd: '2024-06-30', deadline: '2099-12-31' });
    const created = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(bearer(focal.accessToken))
      .send({ cycle: '2024-H1', status: 'on_track', percentComplete: 40, actionsTaken: 'Two centres opened.' }).expect(201);
    updateId = created.body.id;
    await t.http.post(`/api/v1/updates/${updateId}/evidence/files`).set(bearer(focal.accessToken))
      .field('title', 'Coast guard log').attach('file', PDF, { filename: 'log.pdf', contentType: 'application/pdf' }).expect(201);
    out = mkdtempSync(join(tmpdir(), 'gcm-backup-'));
    restoredName = `gcm_t_${randomBytes(6).toString('hex')}`;
    restoredUrl = Object.assign(new URL(t.db.url), { pathname: `/${restoredName}` }).toString();
  });

  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
    await withClient(Object.assign(new URL(t.db.url), { pathname: '/postgres' }).toString(), (c) =>
      c.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
    await t.close();
  });

  let backupDir: string;

  it('writes a backup of every table with a manifest and checksums', async () => {
    const { stdout } = await cli('backup', ['--out', out], t.db.url);
    backupDir = /backup written: (.+)/.exec(stdout)![1].trim();
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.format).toBe('gcm-tracker-backup/1');
    const byName = Object.fromEntries(manifest.tables.map((x: { name: string; rows: number }) => [x.name, x.rows]));
    const [{ n: pledges }] = await t.dataSource.query('SELECT count(*)::int AS n FROM pledge');
    expect(byName.pledge).toBe(pledges);
    expect(byName.evidence_blob).toBe(1);
    expect(byName.audit_log).toBeGreaterThan(3);
    expect(manifest.migrations.length).toBeGreaterThan(10);
    // The machine's Redis is not the launcher's own: its data is not copied, and the manifest says why.
    expect(manifest.redis.included).toBe(false);
    expect(readdirSync(out)).toEqual([backupDir.split('/').pop()]);
  });

  it("copies the launcher's own Redis append-only files, which a Redis started on them reads back", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gcm-data-'));
    const servers: ChildProcess[] = [];
    const startRedis = async (dir: string) => {
      const port = await freePort();
      mkdirSync(dir, { recursive: true });
      const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes'], { stdio: 'ignore' });
      servers.push(child);
      await waitForPort(port, '127.0.0.1', 15_000);
      return new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    };
    try {
      const own = await startRedis(join(dataDir, 'redis'));
      await own.set('gcm:bull:reports:42', 'a queued report job');
      const { stdout } = await cli('backup', ['--out', out], t.db.url, { GCM_DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${own.options.port}` });
      own.disconnect();
      const dir = /backup written: (.+)/.exec(stdout)![1].trim();
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.redis.included).toBe(true);
      expect(manifest.redis.files.map((f: { file: string }) => f.file)).toEqual(expect.arrayContaining([expect.stringMatching(/^redis\/appendonlydir\/.+\.manifest$/)]));
      const restored = await startRedis(join(dir, 'redis'));
      expect(await restored.get('gcm:bull:reports:42')).toBe('a queued report job');
      restored.disconnect();
      rmSync(dir, { recursive: true, force: true });
    } finally {
      for (const s of servers) s.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('restores into a fresh database: every pledge, update, file and audit row, and the platform serves them', async () => {
    await withClient(Object.assign(new URL(t.db.url), { pathname: '/postgres' }).toString(), (c) => c.query(`CREATE DATABASE "${restoredName}"`));
    const { stdout } = await cli('restore', [backupDir], restoredUrl);
    expect(stdout).toMatch(/restored \d+ rows in \d+ tables/);
    const [source, restored] = [await fingerprints(t.db.url), await fingerprints(restoredUrl)];
    expect(Object.keys(restored).sort()).toEqual(Object.keys(source).sort());
    for (const table of Object.keys(source)) expect({ table, ...restored[table] }).toEqual({ table, ...source[table] });
    const audit = await withClient(restoredUrl, (c) => c.query(`SELECT actor_role, after FROM audit_log WHERE action = 'backup.restore'`));
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.rows.pledge).toBe(source.pledge.rows);

    // The restored database runs the platform: the public pledge, the update's file byte for byte, a sign-in.
    const r = await createTestApp({ db: { name: restoredName, url: restoredUrl, drop: async () => undefined } });
    try {
      const page = await r.http.get(`/api/v1/pledges/${reference}`).expect(200);
      expect(page.body.title).toBe('Rescue coordination at sea for every migrant in distress');
      const signedIn = await r.http.post('/api/v1/auth/sign-in').send({ email: focal.user.email, password: focal.password }).expect(200);
      const update = await r.http.get(`/api/v1/updates/${updateId}`).set(bearer(signedIn.body.accessToken)).expect(200);
      const file = update.body.evidence.find((e: { kind: string }) => e.kind === 'file');
      expect(file.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
      const [{ content }] = await r.dataSource.query('SELECT content FROM evidence_blob WHERE sha256 = $1', [file.sha256]);
      expect(Buffer.compare(content, PDF)).toBe(0);
    } finally {
      await r.close();
    }
  });

  it('refuses a database that holds tables, and a damaged backup, touching nothing', async () => {
    const before = await fingerprints(restoredUrl);
    await expect(cli('restore', [backupDir], restoredUrl)).rejects.toMatchObject({ stderr: expect.stringMatching(/already holds \d+ tables/) });
    const file = join(backupDir, 'tables', 'pledge.copy.gz');
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] ^= 0xff;
    writeFileSync(file, bytes);
    await expect(cli('restore', [backupDir, '--replace'], restoredUrl)).rejects.toMatchObject({
      stderr: expect.stringMatching(/tables\/pledge\.copy\.gz does not match its checksum/),
    });
    expect(await fingerprints(restoredUrl)).toEqual(before);
  });

  it('prunes ended sessions, spent tokens and old idempotency keys past their retention, with one aggregate audit row', async () => {
    const user = focal.user.id;
    const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
    const [old] = await q(`INSERT INTO session (user_id, expires_at, created_at) VALUES ($1, now() - interval '40 days', now() - interval '70 days') RETURNING id`, [user]);
    await q(`INSERT INTO refresh_token (session_id, token_hash) VALUES ($1, $2)`, [old.id, 'a'.repeat(64)]);
    const [revoked] = await q(`INSERT INTO session (user_id, expires_at, revoked_at) VALUES ($1, now() + interval '5 days', now() - interval '31 days') RETURNING id`, [user]);
    const [recent] = await q(`INSERT INTO session (user_id, expires_at, revoked_at) VALUES ($1, now() + interval '5 days', now() - interval '2 days') RETURNING id`, [user]);
    await q(`INSERT INTO user_token (user_id, purpose, token_hash, expires_at, used_at) VALUES
      ($1, 'password_reset', $2, now() - interval '35 days', NULL),
      ($1, 'invitation', $3, now() + interval '1 day', now() - interval '45 days'),
      ($1, 'password_reset', $4, now() + interval '1 hour', NULL)`, [user, 'b'.repeat(64), 'c'.repeat(64), 'd'.repeat(64)]);
    await q(`INSERT INTO idempotency_key (user_id, scope, key, request_hash, created_at) VALUES
      ($1, 'test', 'old-key', $2, now() - interval '100 hours'), ($1, 'test', 'new-key', $2, now() - interval '1 hour')`, [user, 'e'.repeat(64)]);
    const liveSessions = (await q(`SELECT id FROM session WHERE expires_at > now() AND revoked_at IS NULL`)).map((r: { id: string }) => r.id);

    const counts = await t.app.get(RetentionPruneHandler).handle();
    expect(counts).toEqual({ sessions: 2, refreshTokens: 1, userTokens: 2, reminderLinks: 0, idempotencyKeys: 1, ssoAttempts: 0, unconfirmedSubscriptions: 0, subscribers: 0 });
    const sessions = (await q(`SELECT id FROM session`)).map((r: { id: string }) => r.id);
    expect(sessions).not.toContain(old.id);
    expect(sessions).not.toContain(revoked.id);
    expect(sessions).toEqual(expect.arrayContaining([recent.id, ...liveSessions]));
    expect((await q(`SELECT token_hash FROM user_token WHERE token_hash IN ($1, $2, $3)`, ['b'.repeat(64), 'c'.repeat(64), 'd'.repeat(64)])).map((r: { token_hash: string }) => r.token_hash)).toEqual(['d'.repeat(64)]);
    expect((await q(`SELECT key FROM idempotency_key WHERE scope = 'test'`)).map((r: { key: string }) => r.key)).toEqual(['new-key']);
    const audit = await q(`SELECT actor_role, after FROM audit_log WHERE action = 'retention.prune'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'system', after: { deleted: counts, retention: { sessionDays: 30, tokenDays: 30, idempotencyHours: 72 } } });
    // The signed-in user's session survived: their token still works.
    await t.http.get('/api/v1/auth/me').set(bearer(focal.accessToken)).expect(200);
    // Nothing left to prune: no second audit row.
    expect(await t.app.get(RetentionPruneHandler).handle()).toEqual({ sessions: 0, refreshTokens: 0, userTokens: 0, reminderLinks: 0, idempotencyKeys: 0, ssoAttempts: 0, unconfirmedSubscriptions: 0, subscribers: 0 });
    expect(await q(`SELECT 1 FROM audit_log WHERE action = 'retention.prune'`)).toHaveLength(1);
  });
});
