import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { isHotPublicPath, registerHotPublicPath } from '../http/hot-paths';
import { createRedis } from '../queue/redis';
import { LocalStatsCache } from './local-stats-cache';

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

// The new generation is also published, so every API process drops its in-memory copies at once.
const BUMP = `local g = redis.call('INCR', KEYS[1])
redis.call('DEL', KEYS[2] .. (g - 1))
redis.call('PUBLISH', KEYS[1], tostring(g))
return g`;

type StatsRedis = Redis & {
  statsRead(gen: string, prefix: string, field: string): Promise<[string, string | null]>;
  statsWrite(gen: string, prefix: string, expected: string, field: string, value: string, ttl: number): Promise<number>;
  statsBump(gen: string, prefix: string): Promise<number>;
};

/**
 * Cache of public aggregates (dashboards, open data), shared by every API
 * process through Redis, with an in-memory copy per process in front of it.
 * Entries live in one Redis hash per generation; `invalidate()` bumps the
 * generation (one call drops everything) and publishes it, and each process
 * follows the generation over a subscription, serving from memory only while
 * that subscription is live. Services call `invalidate()` after the
 * transaction that published something has committed. Redis failures degrade
 * to computing the value, never to an error for the caller.
 */
@Injectable()
export class StatsCache implements OnModuleDestroy {
  private readonly logger = new Logger(StatsCache.name);
  private client?: StatsRedis;
  private readonly genKey: string;
  private readonly dataPrefix: string;
  private readonly local: LocalStatsCache;

  constructor(private readonly config: AppConfig) {
    this.genKey = `${config.REDIS_PREFIX}:stats:gen`;
    this.dataPrefix = `${config.REDIS_PREFIX}:stats:data:`;
    this.local = new LocalStatsCache(config.STATS_CACHE_TTL_SECONDS * 1000);
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
      if (this.enabled) this.local.follow(this.config.REDIS_URL, this.genKey, () => client.get(this.genKey));
    }
    return this.client;
  }

  /** Lets the HTTP fast path answer GETs under `prefix` from memory (see publicCacheFastPath and hot-paths). */
  serveFromMemory(prefix: string): void {
    registerHotPublicPath(prefix);
  }

  servesFromMemory(url: string): boolean {
    return this.enabled && isHotPublicPath(url);
  }

  /** The in-memory copy, without any I/O: the fast path for hot GETs. */
  peek(key: string): CachedBody | undefined {
    return this.enabled ? this.local.get(key) : undefined;
  }

  async lookup(key: string): Promise<CacheLookup | null> {
    if (!this.enabled) return null;
    try {
      const [generation, raw] = await this.redis().statsRead(this.genKey, this.dataPrefix, key);
      const hit = raw ? decode(raw) : undefined;
      if (hit) this.local.set(key, generation, hit);
      return { generation, hit };
    } catch (err) {
      this.logger.warn({ err }, 'stats cache read failed; computing instead');
      return null;
    }
  }

  async store(lookup: CacheLookup, key: string, value: CachedBody): Promise<void> {
    if (!this.enabled) return;
    this.local.set(key, lookup.generation, value);
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

  /** Drops every cached aggregate, here at once and in other processes on the published message. */
  async invalidate(): Promise<void> {
    try {
      const generation = await this.redis().statsBump(this.genKey, this.dataPrefix);
      this.local.advance(String(generation));
    } catch (err) {
      this.local.suspend();
      this.logger.error({ err }, 'stats cache invalidation failed; entries expire within STATS_CACHE_TTL_SECONDS');
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.local.stop();
    await this.client?.quit().catch(() => undefined);
    this.client = undefined;
  }
}

function decode(raw: string): CachedBody {
  const cut = raw.indexOf('\n');
  return { etag: raw.slice(0, cut), body: raw.slice(cut + 1) };
}
