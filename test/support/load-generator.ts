import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';

/** One request of the load: what was sent where, and what came back (or why nothing did). */
export interface Sample {
  api: number;
  kind: string;
  /** Date.now() when it was sent, and how long until the whole answer (or the error) arrived. */
  start: number;
  ms: number;
  /** The request was fully written to the connection: a reset after that cut a request the server had. */
  written: boolean;
  status?: number;
  code?: string;
  retryAfter?: string;
  /** The stats cache's `Warning: 110` when it served a stale copy (PostgreSQL unreachable). */
  stale?: boolean;
  connection?: string;
  /** ECONNRESET, ECONNREFUSED, …: no answer. */
  error?: string;
  /** Sent on a kept-alive connection that had been idle this long (undefined: a new connection). */
  reusedAfterMs?: number;
}

/** When each kept-alive socket last finished a request. */
const freeSince = new WeakMap<Socket, number>();

/** Idle kept-alive connections are closed by the client after this, well before the API's 5 s keep-alive timeout. */
const CLIENT_IDLE_MS = 2000;

/**
 * A keep-alive agent as a balancer's pool is configured: the client closes
 * idle connections before the server does, so no request is sent on a
 * connection the server is closing at that moment (the race Node's
 * `request.reusedSocket` documents) — that would be a client fault, not the API's.
 */
export function keepAliveAgent(): Agent {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const keep = agent.keepSocketAlive.bind(agent);
  agent.keepSocketAlive = (socket: Socket) => {
    // Typed void, returns whether the socket is kept (lib/_http_agent.js).
    const kept = keep(socket) as unknown as boolean;
    if (kept) {
      socket.setTimeout(CLIENT_IDLE_MS);
      freeSince.set(socket, Date.now());
    }
    return kept;
  };
  return agent;
}

export interface LoadRequest {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: () => object;
}

export interface Load {
  samples: Sample[];
  /** Which APIs (by index) the balancer sends to now; a loop waits while it is empty. */
  route: Set<number>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One HTTP request on a keep-alive agent, recorded as a Sample whatever happens. */
export function send(port: number, api: number, agent: Agent | false, r: LoadRequest, localAddress?: string, headers: Record<string, string> = {}): Promise<Sample> {
  const start = Date.now();
  const payload = r.body ? JSON.stringify(r.body()) : undefined;
  return new Promise((resolve) => {
    let written = false;
    let reusedAfterMs: number | undefined;
    const done = (s: Omit<Sample, 'api' | 'kind' | 'start' | 'ms' | 'written' | 'reusedAfterMs'>) =>
      resolve({ api, kind: r.kind, start, ms: Date.now() - start, written, reusedAfterMs, ...s });
    const req = request({
      host: '127.0.0.1', port, path: r.path, method: r.method, agent, localAddress,
      headers: {
        ...headers,
        ...(r.token ? { Authorization: `Bearer ${r.token}` } : {}),
        ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
      },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let code: string | undefined;
        try {
          code = (JSON.parse(text) as { code?: string }).code;
        } catch {
          code = undefined;
        }
        done({
          status: res.statusCode, code, retryAfter: res.headers['retry-after'] as string | undefined,
          stale: /^110 /.test(String(res.headers.warning ?? '')), connection: res.headers.connection,
        });
      });
      res.on('error', (err: NodeJS.ErrnoException) => done({ error: err.code ?? err.message }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => done({ error: err.code ?? err.message }));
    req.on('finish', () => (written = true));
    req.on('socket', (socket: Socket) => {
      const since = freeSince.get(socket);
      if (req.reusedSocket && since !== undefined) reusedAfterMs = Date.now() - since;
    });
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.end(payload);
  });
}

/**
 * `loops` clients, each sending the `mix` in turn (with `pauseMs` between
 * requests) to the routed APIs round-robin over one keep-alive agent per API,
 * as a balancer's connection pool does, until stopped.
 */
export function startLoad(ports: number[], mix: LoadRequest[], opts: { loops?: number; pauseMs?: number } = {}): Load {
  const agents = ports.map(() => keepAliveAgent());
  const samples: Sample[] = [];
  const route = new Set(ports.map((_, i) => i));
  let running = true;
  let turn = 0;
  const loop = async (offset: number) => {
    for (let n = offset; running; n++) {
      const routed = [...route];
      if (routed.length === 0) {
        await sleep(50);
        continue;
      }
      const api = routed[turn++ % routed.length];
      samples.push(await send(ports[api], api, agents[api], mix[n % mix.length]));
      await sleep(opts.pauseMs ?? 50);
    }
  };
  const loops = Array.from({ length: opts.loops ?? 4 }, (_, i) => loop(i));
  return {
    samples,
    route,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      agents.forEach((a) => a.destroy());
    },
  };
}

/**
 * A balancer's health check: polls each routed API's /health/ready every
 * `everyMs` and takes one out of `load.route` at its first 503 (HAProxy's
 * `fall 1`, docker/haproxy.cfg). Returns a stop function.
 */
export function watchReadiness(load: Load, ports: number[], everyMs = 250): () => void {
  const timer = setInterval(() => {
    for (const api of [...load.route]) {
      void send(ports[api], api, false, { kind: 'ready', method: 'GET', path: '/health/ready' }).then((s) => {
        if (s.status !== 200) load.route.delete(api);
      });
    }
  }, everyMs);
  return () => clearInterval(timer);
}
