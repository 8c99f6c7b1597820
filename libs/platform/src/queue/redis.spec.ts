import { createServer, Server } from 'node:net';
import { DependencyUnavailableError } from '../errors/unavailable';
import { createRedis, redisReady } from './redis';

/** A port nothing listens on: taken and released again. */
async function deadPort(): Promise<number> {
  const s: Server = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('createRedis: the producer connection fails fast', () => {
  it('has no offline queue, so a command while Redis is unreachable is refused at once, not held', async () => {
    const producer = createRedis(`redis://127.0.0.1:${await deadPort()}`, 'producer', 2000);
    producer.on('error', () => undefined);
    try {
      expect(producer.options.enableOfflineQueue).toBe(false);
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      await expect(producer.ping()).rejects.toThrow(/Stream isn't writeable and enableOfflineQueue options is false/);
      // Refused without waiting for the 2 s command timeout.
      expect(Date.now() - started).toBeLessThan(1000);
      await expect(redisReady(producer, 2000)).rejects.toBeInstanceOf(DependencyUnavailableError);
    } finally {
      producer.disconnect();
    }
  });

  it('keeps the offline queue for request-path stores and none of that for workers, which wait Redis out', () => {
    const client = createRedis('redis://127.0.0.1:1', 'client');
    const worker = createRedis('redis://127.0.0.1:1', 'worker');
    for (const c of [client, worker]) c.on('error', () => undefined);
    try {
      expect(client.options).toMatchObject({ enableOfflineQueue: true, maxRetriesPerRequest: 1, commandTimeout: 2000 });
      expect(worker.options).toMatchObject({ maxRetriesPerRequest: null });
    } finally {
      client.disconnect();
      worker.disconnect();
    }
  });
});
