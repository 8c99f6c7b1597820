import { createServer } from 'node:http';
import { Pool } from 'pg';
import { BENCH_ENDPOINTS } from './stats-endpoints';

/**
 * The limit the API is measured against: plain node:http and pg running the
 * same SQL per request and sending the text PostgreSQL built, with nothing
 * else (no framework, no cache, no logging, no headers beyond the type).
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const routes = new Map(BENCH_ENDPOINTS.map((e) => [e.path, e.sql()]));

const server = createServer((req, res) => {
  const query = routes.get((req.url ?? '').split('?')[0]);
  if (!query) {
    res.writeHead(404).end();
    return;
  }
  pool.query(query.text, query.values).then(
    ({ rows }) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(rows[0].body);
    },
    (err: Error) => {
      res.writeHead(500).end(err.message);
    },
  );
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});

process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
