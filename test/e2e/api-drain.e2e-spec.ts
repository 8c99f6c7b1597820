import { Agent, request } from 'node:http';
import { connect, Socket } from 'node:net';
import { Client } from 'pg';
import { CLOSE_RESERVE_MS } from '@gcm/platform';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../helpers/test-database';
import { ApiProcess, spawnApi } from '../support/api-process';

interface Outcome {
  startedAt: number;
  status?: number;
  connection?: string;
  body?: string;
  /** The error code when no response came: ECONNREFUSED means the request was never written. */
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function get(port: number, path: string, agent: Agent | false, onWritten?: () => void): Promise<Outcome> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ startedAt, status: res.statusCode, connection: res.headers.connection, body }));
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ startedAt, error: err.code ?? err.message }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ startedAt, error: err.code ?? err.message }));
    if (onWritten) req.on('finish', onWritten);
    req.end();
  });
}

/** A client that made one keep-alive request and then sits on its open connection. */
async function idleKeepAliveClient(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  const socket = connect({ host: '127.0.0.1', port });
  const closed = new Promise<number>((r) => socket.once('close', () => r(Date.now())));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    socket.once('data', () => resolve());
    socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
  });
  return { socket, closed };
}

interface Lock {
  waiting(): Promise<number>;
  release(): Promise<void>;
}

/** Holds an exclusive lock on the pledge table, so GET /api/v1/pledges stays in flight until release. */
async function holdPledges(db: TestDatabase): Promise<Lock> {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  c.on('error', () => undefined);
  await c.query('BEGIN');
  await c.query('LOCK TABLE pledge IN ACCESS EXCLUSIVE MODE');
  let released = false;
  return {
    waiting: async () =>
      (await c.query(`SELECT count(*)::int n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [db.name])).rows[0].n,
    release: async () => {
      if (released) return;
      released = true;
      await c.query('COMMIT');
      await c.end();
    },
  };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

describe('API drain on SIGTERM (compiled API as a child process)', () => {
  let db: TestDatabase;
  let api: ApiProcess | undefined;
  let lock: Lock | undefined;
  const agents: Agent[] = [];
  let afterEachStop: () => void = () => undefined;

  beforeEach(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    afterEachStop();
    await lock?.release();
    agents.splice(0).forEach((a) => a.destroy());
    await api?.stop();
    await db.drop();
  });

  it('turns readiness 503 at once, answers every request already written, says Connection: close, and exits with a keep-alive client connected', async () => {
    const graceMs = 1500;
    const timeoutMs = 15_000;
    api = await spawnApi({
      DATABASE_URL: db.url, REDIS_PREFIX: testRedisPrefix(), SHUTDOWN_GRACE_MS: String(graceMs), SHUTDOWN_TIMEOUT_MS: String(timeoutMs),
    });
    const { port } = api;
    const idle = await idleKeepAliveClient(port);

    // A balancer's keep-alive pool sending one request after another. It goes on through most of the grace
    // period (its health check has not yet seen the 503), then sends this process nothing new: a client
    // still connecting at the instant the listener closes can be reset by the kernel's accept queue,
    // which is what the grace period is for.
    const loopAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(loopAgent);
    const loop: Outcome[] = [];
    let looping = true;
    let signalledAt = Number.POSITIVE_INFINITY;
    afterEachStop = () => {
      looping = false;
      idle.socket.destroy();
    };
    const loopDone = (async () => {
      while (looping && Date.now() < signalledAt + graceMs - 300) {
        const o = await get(port, '/health', loopAgent);
        loop.push(o);
        if (o.error) await sleep(20);
      }
    })();

    // Slow requests in flight when the signal comes: written to the server, and held there by a lock this
    // test has on the table they read.
    const held = (lock = await holdPledges(db));
    const slowAgent = new Agent({ keepAlive: true, maxSockets: 3 });
    agents.push(slowAgent);
    let written = 0;
    // Different queries, so no layer can answer them as one.
    const slow = Promise.all([1, 2, 3].map((n) => get(port, `/api/v1/pledges?limit=${n}`, slowAgent, () => (written += 1))));
    await until('three requests written and one waiting on the lock', async () => written === 3 && (await held.waiting()) >= 1);
    await sleep(200);

    signalledAt = Date.now();
    api.child.kill('SIGTERM');
    let readiness: Outcome | undefined;
    await until('readiness to answer 503', async () => {
      readiness = await get(port, '/health/ready', false);
      return readiness.status === 503;
    }, 2000);
    const notReadyAt = Date.now();
    // Only the lifecycle is down: the database and Redis still answer, which is what lets in-flight requests finish.
    expect(JSON.parse(readiness!.body!).details).toEqual({
      lifecycle: { status: 'down', message: 'shutting down' }, database: { status: 'up' }, redis: { status: 'up' },
    });

    // The slow requests finish after the grace period, once the process no longer accepts connections.
    await sleep(graceMs + 1000 - (Date.now() - signalledAt));
    expect((await get(port, '/health', false)).error).toBe('ECONNREFUSED');
    await held.release();
    const slowOutcomes = await slow;
    const exitCode = await withTimeout(api.exited, timeoutMs + 6000, 'exit after SIGTERM');
    looping = false;
    await loopDone;
    loopAgent.destroy();
    slowAgent.destroy();

    expect(exitCode).toBe(0);
    expect(slowOutcomes.map((o) => [o.status, o.connection])).toEqual([[200, 'close'], [200, 'close'], [200, 'close']]);
    expect(JSON.parse(slowOutcomes[0].body!)).toHaveProperty('items');
    // No request written to the server was cut.
    const cutAt = loop.filter((o) => o.error).map((o) => ({ error: o.error, msAfterSignal: o.startedAt - signalledAt }));
    expect(cutAt).toEqual([]);
    const afterNotReady = loop.filter((o) => o.startedAt > notReadyAt && o.status !== undefined);
    expect(afterNotReady.length).toBeGreaterThan(0);
    expect(afterNotReady.filter((o) => o.status !== 200 || o.connection !== 'close')).toEqual([]);
    // The idle keep-alive connection was closed by the server, not left to hold the process up.
    expect(await withTimeout(idle.closed, 1000, 'idle keep-alive socket closed')).toBeGreaterThan(signalledAt);
  });

  it('cuts a request that outlasts SHUTDOWN_TIMEOUT_MS and still exits', async () => {
    const timeoutMs = 3000;
    api = await spawnApi({ DATABASE_URL: db.url, REDIS_PREFIX: testRedisPrefix(), SHUTDOWN_GRACE_MS: '300', SHUTDOWN_TIMEOUT_MS: String(timeoutMs) });
    const held = (lock = await holdPledges(db));
    try {
      const stuck = get(api.port, '/api/v1/pledges', false);
      await until('the request waiting on the lock', async () => (await held.waiting()) >= 1);
      api.child.kill('SIGTERM');
      // The connection is cut at the deadline; the process then closes its pools and exits, at the
      // latest CLOSE_RESERVE_MS after the deadline.
      expect((await withTimeout(stuck, timeoutMs + 3000, 'the stuck request cut')).error).toBe('ECONNRESET');
      expect(await withTimeout(api.exited, timeoutMs + CLOSE_RESERVE_MS + 3000, 'exit after SIGTERM')).toBe(0);
    } finally {
      await held.release();
    }
  });
});
