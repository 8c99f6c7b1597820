import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedis } from '../queue/redis';

/** A rendered public response: the exact bytes sent and their ETag. */
export interface CachedBody {
  etag: string;
  body: string;
}

export interface CacheLookup {
  /** Generation the lookup saw; a value computed after a miss is stored under it only if it is still current. */
  generation: string;
  hit?: CachedBody;
}

// One round trip per read: the generation and the entry of that generation.
const READ = `local g = redis.call('GET', KEYS[1]) or '0'
return {g, redis.call('HGET', KEYS[2] .. g, ARGV[1])}`;

// A value computed from data read before an invalidation must not land in the new generation.
const WRITE = `if (redis.call('GET', KEYS[1]) or '0') == ARGV[1] then
  redis.call('HSET', KEYS[2] .. ARGV[1], ARGV[2], ARGV[3])
  redis.call('EXPIRE', KEYS[2] .. ARGV[1], ARGV[4])
end
return 0`;

const BUMP = `local g = redis.call('INCR', KEYS[1])
redis.call('DEL', KEYS[2] .. (g - 1))
return g`;

type StatsRedis = Redis & {
  statsRead(gen: string, prefix: string, field: string): Promise<[string, string | null]>;
  statsWrite(gen: string, prefix: string, expected: string, field: string, value: string, ttl: number): Promise<number>;
  statsBump(gen: string, prefix: string): Promise<number>;
};

/**
 * Redis cache of public aggregates (dashboards, open data), shared by every API
 * process. Entries live in one hash per generation; `invalidate()` bumps the
 * generation, so one call drops everything at once. Services call it after the
 * transaction that published something has committed. Redis failures degrade
 * to computing the value, never to an error for the caller.
 */
@Injectable()
export class StatsCache implements OnModuleDestroy {
  private readonly logger = new Logger(StatsCache.name);
  private client?: StatsRedis;
  private readonly genKey: string;
  private readonly dataPrefix: string;

  constructor(private readonly config: AppConfig) {
    this.genKey = `${config.REDIS_PREFIX}:stats:gen`;
    this.dataPrefix = `${config.REDIS_PREFIX}:stats:data:`;
  }

  get enabled(): boolean {
    return this.config.STATS_CACHE_TTL_SECONDS > 0;
  }

  private redis(): StatsRedis {
    if (!this.client) {
      const client = createRedis(this.config.REDIS_URL, 'client');
      client.defineCommand('statsRead', { numberOfKeys: 2, lua: READ });
      client.defineCommand('statsWrite', { numberOfKeys: 2, lua: WRITE });
      client.defineCommand('statsBump', { numberOfKeys: 2, lua: BUMP });
      this.client = client as StatsRedis;
    }
    return this.client;
  }

  async lookup(key: string): Promise<CacheLookup | null> {
    if (!this.enabled) return null;
    try {
      const [generation, raw] = await this.redis().statsRead(this.genKey, this.dataPrefix, key);
      return { generation, hit: raw ? decode(raw) : undefined };
    } catch (err) {
      this.logger.warn({ err }, 'stats cache read failed; computing instead');
      return null;
    }
  }

  async store(lookup: CacheLookup, key: string, value: CachedBody): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.redis().statsWrite(
        this.genKey, this.dataPrefix, lookup.generation, key, `${value.etag}\n${value.body}`, this.config.STATS_CACHE_TTL_SECONDS,
      );
    } catch (err) {
      this.logger.warn({ err }, 'stats cache write failed');
    }
  }

  /** The current generation: changes whenever public data changed, so it can serve as a cheap validator. */
  async generation(): Promise<string> {
    try {
      return (await this.redis().get(this.genKey)) ?? '0';
    } catch (err) {
      this.logger.warn({ err }, 'stats cache generation unavailable');
      return `t${Date.now()}`;
    }
  }

  /** Drops every cached aggregate. Call after commit; a failure is logged and bounded by the entry lifetime. */
  async invalidate(): Promise<void> {
    try {
      await this.redis().statsBump(this.genKey, this.dataPrefix);
    } catch (err) {
      this.logger.error({ err }, 'stats cache invalidation failed; entries expire within STATS_CACHE_TTL_SECONDS');
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.client?.quit().catch(() => undefined);
    this.client = undefined;
  }
}

function decode(raw: string): CachedBody {
  const cut = raw.indexOf('\n');
  return { etag: raw.slice(0, cut), body: raw.slice(cut + 1) };
}
