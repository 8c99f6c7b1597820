import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import Redis from 'ioredis';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT, BackupManifest, TableEntry, ident, sha256File, storedColumns, userTables,
} from './backup/backup-format';
import { databaseName } from './postgres.util';
import { dataRoot, ensureServices } from './services';

const log = (msg: string) => process.stdout.write(`[gcm] ${msg}\n`);

/**
 * Writes a backup of the database at `databaseUrl` into a new folder under
 * `outDir` and returns its path. Every table is read in one REPEATABLE READ,
 * READ ONLY snapshot, so the files agree with each other while the platform
 * keeps running. The folder appears under its final name only when complete.
 */
export async function backupDatabase(databaseUrl: string, outDir: string, redisUrl?: string): Promise<string> {
  // Milliseconds in the name, and a counter if even that is taken: two backups in one second never collide.
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
  let finalDir = resolve(outDir, `gcm-backup-${stamp}`);
  for (let n = 2; existsSync(finalDir) || existsSync(`${finalDir}.partial`); n += 1) finalDir = resolve(outDir, `gcm-backup-${stamp}-${n}`);
  const workDir = `${finalDir}.partial`;
  mkdirSync(join(workDir, 'tables'), { recursive: true });
  const client = new Client({ connectionString: databaseUrl, application_name: 'gcm-backup' });
  await client.connect();
  const tables: TableEntry[] = [];
  let migrations: string[];
  let serverVersion: string;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    serverVersion = (await client.query<{ v: string }>('SHOW server_version')).rows[0].v;
    migrations = (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY "timestamp", id')).rows.map((r) => r.name);
    for (const name of await userTables(client)) {
      const columns = await storedColumns(client, name);
      const file = `tables/${name}.copy.gz`;
      const path = join(workDir, file);
      const source = client.query(copyTo(`COPY public.${ident(name)} (${columns.map(ident).join(', ')}) TO STDOUT`));
      await pipeline(source, createGzip(), createWriteStream(path));
      tables.push({ name, columns, rows: source.rowCount ?? 0, file, sha256: await sha256File(path) });
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  const redis = await copyEmbeddedRedis(workDir, redisUrl);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    database: databaseName(databaseUrl),
    serverVersion,
    migrations,
    tables,
    redis,
  };
  writeFileSync(join(workDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(workDir, finalDir);
  return finalDir;
}

/**
 * The Redis append-only files, when the Redis at `redisUrl` is the one the
 * launcher runs (its data folder is `<data>/redis`): a rewrite first, so the
 * copied base file holds everything. Another Redis is someone else's to back up.
 */
async function copyEmbeddedRedis(workDir: string, redisUrl: string | undefined): Promise<BackupManifest['redis']> {
  const ownDir = join(dataRoot(), 'redis');
  if (!redisUrl) return { included: false, files: [], note: 'no Redis' };
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  try {
    await redis.connect();
    const [, dir] = (await redis.config('GET', 'dir')) as [string, string];
    const [, aof] = (await redis.config('GET', 'appendonly')) as [string, string];
    if (resolve(dir) !== resolve(ownDir) || aof !== 'yes') {
      return { included: false, files: [], note: `Redis at ${new URL(redisUrl).host} is not the embedded one; back it up with its own tools` };
    }
    const [, aofDirName] = (await redis.config('GET', 'appenddirname')) as [string, string];
    await redis.bgrewriteaof().catch((err: Error) => {
      if (!/already in progress/i.test(err.message)) throw err;
    });
    for (let i = 0; i < 600; i += 1) {
      const info = await redis.info('persistence');
      if (/aof_rewrite_in_progress:0/.test(info) && /aof_rewrite_scheduled:0/.test(info)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const source = join(dir, aofDirName || 'appendonlydir');
    const target = join(workDir, 'redis', aofDirName || 'appendonlydir');
    mkdirSync(target, { recursive: true });
    const files: BackupManifest['redis']['files'] = [];
    for (const f of existsSync(source) ? readdirSync(source) : []) {
      copyFileSync(join(source, f), join(target, f));
      files.push({ file: `redis/${aofDirName || 'appendonlydir'}/${f}`, sha256: await sha256File(join(target, f)) });
    }
    return { included: files.length > 0, files };
  } finally {
    redis.disconnect();
  }
}

/** `npm run backup [-- --out <folder>]`: the database `npm start` uses (or DATABASE_URL), default folder `backups/`. */
if (require.main === module) {
  void (async () => {
    const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
    const services = await ensureServices(process.env.GCM_DB_NAME ?? 'gcm_tracker');
    try {
      const dir = await backupDatabase(services.databaseUrl, values.out ?? 'backups', services.redisUrl);
      log(`backup written: ${dir}`);
    } finally {
      await services.stop();
    }
  })().catch((err: Error) => {
    process.stderr.write(`backup failed: ${err.message}\n`);
    process.exit(1);
  });
}
