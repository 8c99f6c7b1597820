import { createServer, Server } from 'node:net';
import { Logger } from '@nestjs/common';
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
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('has no offline queue, so a command while Redis is unreachable is refused at once, not held', async () => {
    const producer = createRedis(`redis://127.0.0.1:${await deadPort()}`, 'producer', 2000);
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

  it('reports a lost connection once in the log, not as an unhandled error event per reconnection attempt', async () => {
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const warned = jest.mocked(Logger.prototype.warn);
    const client = createRedis(`redis://127.0.0.1:${await deadPort()}`, 'client', 2000);
    try {
      // retryStrategy: attempts after 100, 200, 400 ms…
      await new Promise((r) => setTimeout(r, 900));
      expect(printed.mock.calls.filter((c) => /Unhandled error event/.test(String(c[0])))).toEqual([]);
      expect(warned.mock.calls.map((c) => c[1])).toEqual(['Redis connection lost; reconnecting']);
    } finally {
      client.disconnect();
    }
  });

  it('keeps the offline queue for request-path stores and none of that for workers, which wait Redis out', () => {
    const client = createRedis('redis://127.0.0.1:1', 'client');
    const worker = createRedis('redis://127.0.0.1:1', 'worker');
    try {
      expect(client.options).toMatchObject({ enableOfflineQueue: true, maxRetriesPerRequest: 1, commandTimeout: 2000 });
      expect(worker.options).toMatchObject({ maxRetriesPerRequest: null });
    } finally {
      client.disconnect();
      worker.disconnect();
    }
  });
});
