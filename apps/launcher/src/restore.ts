import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, copyFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type MigrationInterface } from 'typeorm';
import { MIGRATIONS_GLOB, dataSourceOptions } from '@gcm/platform';
import { withApiContext } from './app-context';
import { BACKUP_FORMAT, BackupManifest, ident, sha256File, userTables } from './backup/backup-format';
import { portAnswers } from './net.util';
import { dataRoot, ensureServices } from './services';

const log = (msg: string) => process.stdout.write(`[gcm] ${msg}\n`);
const MIGRATIONS_DIR = dirname(MIGRATIONS_GLOB);

/** The manifest, after every file it names has been found with its recorded SHA-256. Throws before anything is touched. */
export async function readBackup(dir: string): Promise<BackupManifest> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${dir} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`unknown backup format ${String(manifest.format)} (expected ${BACKUP_FORMAT})`);
  for (const entry of [...manifest.tables, ...manifest.redis.files]) {
    const file = join(dir, entry.file);
    if (!existsSync(file)) throw new Error(`the backup lacks ${entry.file}`);
    if ((await sha256File(file)) !== entry.sha256) throw new Error(`${entry.file} does not match its checksum: the backup is damaged`);
  }
  return manifest;
}

/** The code's migration classes, oldest first, keyed by the name TypeORM records. */
function codeMigrations(): Map<string, new () => MigrationInterface> {
  const found = new Map<string, new () => MigrationInterface>();
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => /\.js$/.test(f)).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled migrations, as TypeORM itself loads them
    const mod = require(join(MIGRATIONS_DIR, file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (typeof value === 'function' && /\d{13}$/.test(value.name)) found.set(value.name, value as new () => MigrationInterface);
    }
  }
  return found;
}

/**
 * Restores the backup in `dir` into the database at `databaseUrl`, which must
 * hold no tables (or `replace`: its public schema is dropped first). The schema
 * is built by the migrations the backup was taken at, the rows are copied in
 * (foreign keys re-checked when re-added, user triggers off so read-model
 * triggers do not write twice), sequences are moved past the restored ids; then
 * the rest of this version's migrations and the seed run as at any start.
 * Returns the restored row count per table.
 */
export async function restoreDatabase(dir: string, databaseUrl: string, opts: { replace?: boolean } = {}): Promise<Record<string, number>> {
  const manifest = await readBackup(dir);
  const available = codeMigrations();
  const unknown = manifest.migrations.filter((m) => !available.has(m));
  if (unknown.length) throw new Error(`the backup was taken by a newer version (migrations ${unknown.join(', ')} are not in this one)`);

  const client = new Client({ connectionString: databaseUrl, application_name: 'gcm-restore' });
  await client.connect();
  try {
    const existing = await userTables(client);
    if (existing.length && !opts.replace) {
      throw new Error(`the target database already holds ${existing.length} tables; restore into a new database, or pass --replace to drop its contents`);
    }
    if (opts.replace) await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }

  const atBackup = new DataSource({
    ...dataSourceOptions(databaseUrl, []),
    migrations: manifest.migrations.map((m) => available.get(m)!),
  } as ConstructorParameters<typeof DataSource>[0]);
  await atBackup.initialize();
  try {
    await atBackup.runMigrations({ transaction: 'each' });
  } finally {
    await atBackup.destroy();
  }

  const counts: Record<string, number> = {};
  const load = new Client({ connectionString: databaseUrl, application_name: 'gcm-restore' });
  await load.connect();
  try {
    await load.query('BEGIN');
    const tables = manifest.tables.map((t) => t.name);
    const fks = (
      await load.query<{ table: string; name: string; def: string }>(
        `SELECT cl.relname AS table, co.conname AS name, pg_get_constraintdef(co.oid) AS def
           FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
          WHERE co.contype = 'f' AND n.nspname = 'public'`,
      )
    ).rows;
    for (const fk of fks) await load.query(`ALTER TABLE public.${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`);
    for (const t of tables) await load.query(`ALTER TABLE public.${ident(t)} DISABLE TRIGGER USER`);
    // Rows the migrations themselves wrote (reference data) come back from the backup instead.
    if (tables.length) await load.query(`TRUNCATE ${tables.map((t) => `public.${ident(t)}`).join(', ')}`);
    for (const t of manifest.tables) {
      const sink = load.query(copyFrom(`COPY public.${ident(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`));
      await pipeline(createReadStream(join(dir, t.file)), createGunzip(), sink);
      counts[t.name] = Number(sink.rowCount ?? 0);
      if (counts[t.name] !== t.rows) throw new Error(`${t.name}: ${counts[t.name]} rows restored, the backup recorded ${t.rows}`);
    }
    for (const t of tables) await load.query(`ALTER TABLE public.${ident(t)} ENABLE TRIGGER USER`);
    for (const fk of fks) await load.query(`ALTER TABLE public.${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`);
    const sequences = (
      await load.query<{ seq: string; table: string; column: string }>(
        `SELECT s.relname AS seq, t.relname AS table, a.attname AS column
           FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
           JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
          WHERE s.relkind = 'S'`,
      )
    ).rows;
    for (const s of sequences) {
      await load.query(
        `SELECT setval('public.${ident(s.seq)}', coalesce((SELECT max(${ident(s.column)}) FROM public.${ident(s.table)}), 0) + 1, false)`,
      );
    }
    await renumberOutbox(load, new Set(manifest.tables.map((t) => t.name)));
    await load.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, after)
       VALUES (NULL, 'operator', 'backup.restore', 'database', $1, $2)`,
      [manifest.database.slice(0, 128), { backup: basename(dir), createdAt: manifest.createdAt, rows: counts }],
    );
    await load.query('COMMIT');
  } catch (err) {
    await load.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await load.end();
  }
  // The migrations added since the backup, and the seed, exactly as at a start.
  await withApiContext(databaseUrl, async () => undefined);
  return counts;
}

/**
 * Puts the backup's Redis append-only files in the embedded Redis's folder,
 * before that Redis starts (the old ones moved aside). Only when the launcher
 * is about to start its own Redis: a running or external one is left alone
 * (the stats cache rebuilds itself, lost report jobs are re-queued by the reconcile job).
 */
async function placeRedisFiles(dir: string, manifest: BackupManifest): Promise<string> {
  if (!manifest.redis.included) return 'the backup holds no Redis files';
  if (process.env.REDIS_URL || (await portAnswers(6379))) return 'a Redis is already running: its data is kept (caches rebuild, report jobs are reconciled)';
  const target = join(dataRoot(), 'redis');
  mkdirSync(target, { recursive: true });
  const aofDirs = new Set(manifest.redis.files.map((f) => f.file.split('/')[1]));
  for (const d of aofDirs) {
    if (existsSync(join(target, d))) renameSync(join(target, d), join(target, `${d}.before-restore-${Date.now()}`));
    mkdirSync(join(target, d), { recursive: true });
  }
  for (const f of manifest.redis.files) copyFileSync(join(dir, f.file), join(target, f.file.replace(/^redis\//, '')));
  return `Redis append-only files placed in ${target}`;
}

/** `npm run restore -- <backup folder> [--replace]`: into the database `npm start` uses (or DATABASE_URL). */
if (require.main === module) {
  void (async () => {
    const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) {
      process.stderr.write('usage: npm run restore -- <backup folder> [--replace]\n');
      process.exit(64);
    }
    const dir = resolve(positionals[0]);
    const manifest = await readBackup(dir);
    log(await placeRedisFiles(dir, manifest));
    const services = await ensureServices(process.env.GCM_DB_NAME ?? 'gcm_tracker');
    process.env.REDIS_URL = services.redisUrl;
    try {
      const counts = await restoreDatabase(dir, services.databaseUrl, { replace: values.replace });
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      log(`restored ${total} rows in ${Object.keys(counts).length} tables from ${dir}`);
    } finally {
      await services.stop();
    }
  })().catch((err: Error) => {
    process.stderr.write(`restore failed: ${err.message}\n`);
    process.exit(1);
  });
}

/**
 * Transaction ids do not travel to another server. The publication outbox
 * records the writing transaction of each event, and e-mail subscribers follow
 * it by those ids (see subscription-mail.service.ts); restored onto a server
 * whose counter is behind the backup's, new events would sort before the
 * subscribers' cursors and never be mailed. So, when the backup's newest event
 * is at or beyond this transaction, both are shifted down, order kept, so that
 * the newest restored event is this transaction and every cursor at most the
 * next one. On the same or a more advanced server nothing changes.
 */
async function renumberOutbox(load: Client, restored: Set<string>): Promise<void> {
  if (!restored.has('publication_event')) return;
  const { rows: [{ shift, here }] } = await load.query<{ shift: string | null; here: string }>(
    `SELECT (SELECT max(xid)::text::numeric FROM publication_event) - pg_current_xact_id()::text::numeric AS shift,
            pg_current_xact_id()::text AS here`,
  );
  if (shift === null || Number(shift) < 0) return;
  await load.query(`UPDATE publication_event SET xid = greatest(0, xid::text::numeric - $1::numeric)::text::xid8`, [shift]);
  if (restored.has('email_subscriber')) {
    await load.query(
      `UPDATE email_subscriber SET last_xmin = least(greatest(0, last_xmin::text::numeric - $1::numeric), $2::numeric + 1)::text::xid8`,
      [shift, here],
    );
  }
}
