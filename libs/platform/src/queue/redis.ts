import { Logger } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { DependencyUnavailableError } from '../errors/unavailable';

const logger = new Logger('Redis');

/**
 * The three kinds of Redis connection:
 * - `worker`: BullMQ workers need `maxRetriesPerRequest: null`, so blocking
 *   commands wait out a Redis restart.
 * - `producer`: BullMQ's advice for producers behind an HTTP request is to
 *   fail fast: no offline queue, so a command while disconnected is refused
 *   at once (503 queue_unavailable) instead of holding the request.
 * - `client`: request-path stores (stats cache, sign-in limits, monitor
 *   grants) keep the offline queue, so the first command of a fresh
 *   connection waits for it, but every command is bounded by `commandTimeout`.
 * `timeoutMs` is REDIS_COMMAND_TIMEOUT_MS; it bounds connecting as well.
 */
export function createRedis(url: string, purpose: 'worker' | 'producer' | 'client', timeoutMs = 2000): Redis {
  const options: RedisOptions =
    purpose === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: false }
      : purpose === 'producer'
        ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: timeoutMs, commandTimeout: timeoutMs, retryStrategy }
        : { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs, retryStrategy };
  return reportingOutages(new Redis(url, { lazyConnect: false, ...options }), purpose);
}

/**
 * Without an `error` listener ioredis prints "[ioredis] Unhandled error event"
 * to stderr on every reconnection attempt (several a second per connection
 * while Redis is down), outside the structured log. One warning when a
 * connection is lost and one line when it is back; callers see the failures
 * of their own commands as before.
 */
function reportingOutages(client: Redis, purpose: string): Redis {
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ connection: purpose, err: err.message }, 'Redis connection lost; reconnecting');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log({ connection: purpose }, 'Redis connection re-established');
  });
  return client;
}

/** Reconnect soon after Redis is back (at most a second late), whatever the length of the outage. */
function retryStrategy(times: number): number {
  return Math.min(50 * 2 ** times, 1000);
}

/**
 * Resolves once `client` is connected, waiting at most `timeoutMs` for a
 * connection in progress; rejects at once when it is known to be down (a
 * fail-fast producer has no offline queue to wait in).
 */
export async function redisReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  if (client.status === 'reconnecting' || client.status === 'end' || client.status === 'close') {
    throw new DependencyUnavailableError('queue', `Redis is not connected (${client.status})`);
  }
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onReady = resolve;
      client.once('ready', onReady);
      timer = setTimeout(() => reject(new DependencyUnavailableError('queue', 'Redis did not answer in time')), timeoutMs);
    });
  } finally {
    clearTimeout(timer);
    if (onReady) client.removeListener('ready', onReady);
  }
}
