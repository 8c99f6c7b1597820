import { createServer, Server, Socket, connect } from 'node:net';

/** A TCP relay to a server, which can be cut (connections reset, new ones refused) and restored: a failover as the client sees it. */
export interface TcpProxy {
  port: number;
  /** Resets every relayed connection and stops listening, so connecting gets ECONNREFUSED. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    const s = createServer((client) => {
      const upstream = connect(targetPort, targetHost);
      for (const sock of [client, upstream]) {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
        sock.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as { port: number }).port;
    server = s;
  };
  const stop = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.resetAndDestroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  };
  await listen();
  return { get port() { return port; }, cut: stop, restore: listen, close: stop };
}
