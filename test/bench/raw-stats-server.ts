import { createServer } from 'node:http';
import { Pool } from 'pg';
import { provenanceBody } from '@gcm/dashboard';
import { BENCH_ENDPOINTS } from './stats-endpoints';

/**
 * The limits the API is measured against, plain node:http with nothing else
 * (no framework, no cache logic, no logging, no headers beyond the type):
 * - SQL (default): pg running the same SQL per request and sending the text
 *   PostgreSQL built, with the snapshot's `provenance` added as the API adds it
 *   — the peer of the uncached API;
 * - MEMORY=1: the same bytes, read once at start and sent from memory — the
 *   physical limit of a cached answer on this machine, the peer of the cached API.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const routes = new Map(BENCH_ENDPOINTS.map((e) => [e.path, e.sql()]));
const memory = new Map<string, Buffer>();

const server = createServer((req, res) => {
  const path = (req.url ?? '').split('?')[0];
  const held = memory.get(path);
  if (held) {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': held.length });
    res.end(held);
    return;
  }
  const query = routes.get(path);
  if (!query) {
    res.writeHead(404).end();
    return;
  }
  pool.query(query.text, query.values).then(
    ({ rows }) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(provenanceBody(rows[0]));
    },
    (err: Error) => {
      res.writeHead(500).end(err.message);
    },
  );
});

async function start(): Promise<void> {
  if (process.env.MEMORY === '1') {
    for (const [path, query] of routes) memory.set(path, Buffer.from(provenanceBody((await pool.query(query.text, query.values)).rows[0])));
  }
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
  });
}

void start();

process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
