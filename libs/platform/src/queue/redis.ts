import Redis, { RedisOptions } from 'ioredis';

/**
 * BullMQ workers need `maxRetriesPerRequest: null` (blocking commands must
 * wait out a Redis restart); request-path clients fail fast instead.
 */
export function createRedis(url: string, purpose: 'worker' | 'client'): Redis {
  const options: RedisOptions =
    purpose === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: false }
      : { maxRetriesPerRequest: 2, enableOfflineQueue: true, connectTimeout: 5000 };
  return new Redis(url, { lazyConnect: false, ...options });
}
