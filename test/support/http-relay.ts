import { createServer, request, Server } from 'node:http';

export interface HttpRelay {
  port: number;
  close(): Promise<void>;
}

/**
 * A reverse proxy as a load balancer is one (HAProxy's `option forwardfor`):
 * on 127.0.0.1, it sends each request to the next of `ports` round-robin and
 * appends the address its client connected from to X-Forwarded-For. Clients
 * that connect from other loopback addresses (127.0.0.66, …) are then told
 * apart by an API that trusts only the relay's address (TRUST_PROXY=127.0.0.1).
 */
export async function startHttpRelay(ports: number[]): Promise<HttpRelay> {
  let next = 0;
  const server: Server = createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request({
      host: '127.0.0.1', port: ports[next++ % ports.length], method: req.method, path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': forwarded },
    }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
