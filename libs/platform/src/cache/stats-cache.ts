import { Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { AppConfig } from '../config/app-config';
import { isHotPublicPath, registerHotPublicPath } from '../http/hot-paths';
import { unavailableDependency } from '../errors/unavailable';
import { createRedis, redisReady } from '../queue/redis';
import { FallbackBody, LocalStatsCache } from './local-stats-cache';
import { PreparedBody, prepareBody } from './representations';
import { StatsChangeListener } from './stats-change-listener';
import { MetricsService } from '../metrics/metrics.service';

/** A rendered public response: the exact bytes sent and their ETag. */
export interface CachedBody {
  etag: string;
  body: string;
}

export interface CacheLookup {
  /** Generation the lookup saw; a value computed after a miss is stored under it only if it is still current. */
  generation: string;
  /** The same guard for this process's in-memory copy. */
  epoch: number;
  hit?: PreparedBody;
}

/** How long a transaction id is remembered, so that N listening processes bump the generation once for it. */
const SEEN_TTL_SECONDS = 60;

// One round trip per read: the generation and the entry of that generation.
const READ = `local g = redis.call('GET', KEYS[1]) or '0'
return {g, redis.call('HGET', KEYS[2] .. g, ARGV[1])}`;

// A value computed from data read before an invalidation must not land in the new generation.
const WRITE = `if (redis.call('GET', KEYS[1]) or '0') == ARGV[1] then
  redis.call('HSET', KEYS[2] .. ARGV[1], ARGV[2], ARGV[3])
  redis.call('EXPIRE', KEYS[2] .. ARGV[1], ARGV[4])
end
return 0`;

// Bumps unless every transaction listed was already handled by another process; no transaction: always.
const BUMP = `local fresh = #ARGV < 2
for i = 2, #ARGV do
  if redis.call('SET', KEYS[3] .. ARGV[i], '1', 'NX', 'EX', ARGV[1]) then fresh = true end
end
if not fresh then return tonumber(redis.call('GET', KEYS[1]) or '0') end
local g = redis.call('INCR', KEYS[1])
redis.call('DEL', KEYS[2] .. (g - 1))
return g`;

// Redis came back from an older file: its generation is below one already seen, so its entries may predate
// changes since. Jump past what was seen (dropping the old generation's entries) unless another process did.
const REPAIR = `local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local seen = tonumber(ARGV[1])
if g >= seen then return g end
redis.call('DEL', KEYS[2] .. g)
redis.call('SET', KEYS[1], seen + 1)
return seen + 1`;

type StatsRedis = Redis & {
  statsRead(gen: string, prefix: string, field: string): Promise<[string, string | null]>;
  statsWrite(gen: string, prefix: string, expected: string, field: string, value: string, ttl: number): Promise<number>;
  statsBump(gen: string, prefix: string, seen: string, seenTtl: number, ...txids: string[]): Promise<number>;
  statsRepair(gen: string, prefix: string, seen: number): Promise<number>;
};

/**
 * Cache of public aggregates (dashboards, related practices, open-data
 * validators), shared by every API process through Redis, with an in-memory
 * copy per process in front of it. No writer calls it: triggers on every table
 * a public aggregate reads NOTIFY on commit, and this process's one listener
 * bumps the Redis generation (once per transaction across processes; one bump
 * drops every entry) and drops its own copy. While the listener is down, or
 * until it is first up, the cache is bypassed, and each (re)connection
 * invalidates everything, since changes may have gone unseen meanwhile.
 * Redis failures degrade to computing the value, never to an error.
 */
@Injectable()
export class StatsCache implements OnModuleDestroy {
  private readonly logger = new Logger(StatsCache.name);
  private client?: StatsRedis;
  private listener?: StatsChangeListener;
  private readonly genKey: string;
  private readonly dataPrefix: string;
  private readonly seenPrefix: string;
  private readonly local: LocalStatsCache<PreparedBody>;
  /** The highest Redis generation this process has seen (see `checked`). */
  private seen = 0;
  /** Computations under way (see `computing`), and those waiting for one to end. */
  private computes = 0;
  private readonly computeQueue: (() => void)[] = [];
  private readonly memoryHits?: { inc(): void };

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.genKey = `${config.REDIS_PREFIX}:stats:gen`;
    this.dataPrefix = `${config.REDIS_PREFIX}:stats:data:`;
    this.seenPrefix = `${config.REDIS_PREFIX}:stats:seen:`;
    this.local = new LocalStatsCache(config.STATS_CACHE_TTL_SECONDS * 1000);
    // Bound once: the hot path counts every hit, and resolving labels each time costs more than the hit itself.
    this.memoryHits = metrics?.cacheLookups.labels('memory');
  }

  get enabled(): boolean {
    return this.config.STATS_CACHE_TTL_SECONDS > 0;
  }

  private redis(): StatsRedis {
    if (!this.client) {
      const client = createRedis(this.config.REDIS_URL, 'client', this.config.REDIS_COMMAND_TIMEOUT_MS);
      client.defineCommand('statsRead', { numberOfKeys: 2, lua: READ });
      client.defineCommand('statsWrite', { numberOfKeys: 2, lua: WRITE });
      client.defineCommand('statsBump', { numberOfKeys: 3, lua: BUMP });
      client.defineCommand('statsRepair', { numberOfKeys: 2, lua: REPAIR });
      // A new connection may be to a Redis restarted from an older file: this process's copy is dropped with it.
      client.on('ready', () => this.local.drop());
      this.client = client as StatsRedis;
    }
    return this.client;
  }

  /** Started by the first reader, so a process that never reads public aggregates (the worker) holds no connection. */
  private listen(): StatsChangeListener {
    if (!this.listener) {
      this.listener = new StatsChangeListener(listenerConnection(this.dataSource), {
        pending: () => this.local.pend(),
        changing: () => this.local.hold(),
        changed: (txids) => this.bump(txids).finally(() => this.local.release()),
        connected: () => this.bump([]),
        resumed: () => this.local.resume(),
        disconnected: (err) => this.local.suspend(!!err && unavailableDependency(err) === 'database'),
      }, this.config.STATS_INVALIDATION_WINDOW_MS);
      this.listener.start();
    }
    return this.listener;
  }

  private async bump(txids: string[]): Promise<void> {
    await redisReady(this.redis(), this.config.REDIS_COMMAND_TIMEOUT_MS);
    this.seen = Math.max(this.seen, await this.redis().statsBump(this.genKey, this.dataPrefix, this.seenPrefix, SEEN_TTL_SECONDS, ...txids));
  }

  /**
   * The generation Redis reports, checked against the highest one this
   * process has seen since its listener connected (every change it handled
   * bumped or read it). A lower one means Redis lost writes (restarted from an
   * older append-only file or snapshot) and would serve entries from before
   * changes committed since: the generation is moved past, so they are never
   * read again.
   */
  private async checked(generation: string): Promise<{ generation: string; rolledBack: boolean }> {
    const g = Number(generation);
    if (g >= this.seen) {
      this.seen = g;
      return { generation, rolledBack: false };
    }
    this.logger.warn({ redis: g, seen: this.seen }, 'stats cache generation went back (Redis restarted from older data); moving past it');
    this.local.drop();
    const repaired = await this.redis().statsRepair(this.genKey, this.dataPrefix, this.seen);
    this.seen = Math.max(this.seen, repaired);
    return { generation: String(repaired), rolledBack: true };
  }

  /** Lets the HTTP fast path answer GETs under `prefix` from memory (see publicCacheFastPath and hot-paths). */
  serveFromMemory(prefix: string): void {
    registerHotPublicPath(prefix);
    if (this.enabled) this.listen();
  }

  servesFromMemory(url: string): boolean {
    return this.enabled && isHotPublicPath(url);
  }

  /** The in-memory copy, without any I/O: the fast path for hot GETs. */
  peek(key: string): PreparedBody | undefined {
    const hit = this.enabled ? this.local.get(key) : undefined;
    // A miss here goes on to lookup(), which counts it.
    if (hit) this.memoryHits?.inc();
    return hit;
  }

  async lookup(key: string): Promise<CacheLookup | null> {
    // Not connected to Redis: compute, rather than wait for it on every request.
    if (!this.enabled || !this.listen().listening || this.redis().status !== 'ready') {
      this.metrics?.cacheLookups.inc({ result: 'bypass' });
      return null;
    }
    const epoch = this.local.epoch;
    try {
      const [read, raw] = await this.redis().statsRead(this.genKey, this.dataPrefix, key);
      const { generation, rolledBack } = await this.checked(read);
      const hit = raw && !rolledBack ? await prepareBody(decode(raw)) : undefined;
      if (hit) this.local.set(key, epoch, hit);
      this.metrics?.cacheLookups.inc({ result: hit ? 'redis' : 'miss' });
      return { generation, epoch: rolledBack ? this.local.epoch : epoch, hit };
    } catch (err) {
      this.logger.warn({ err }, 'stats cache read failed; computing instead');
      return null;
    }
  }

  /**
   * For a value that could not be computed because PostgreSQL is
   * unreachable: this process's copy from when its listener was lost with
   * the database, however old (the caller says it is stale). Never one from
   * before a change this process heard of.
   */
  fallback(key: string): FallbackBody<PreparedBody> | undefined {
    return this.enabled ? this.local.fallback(key) : undefined;
  }

  /** A value was computed without a lookup: if that is because the listener is down while PostgreSQL answers, the fallback copies are void. */
  computedUncached(): void {
    this.local.forgetFallback();
  }

  /**
   * Runs the computation of a value to cache (after a miss), at most
   * STATS_COMPUTE_CONCURRENCY at once in this process, the others in turn:
   * the misses that follow an invalidation then leave the pool and the
   * database's cores to the writes that caused it.
   */
  async computing<T>(compute: () => Promise<T>): Promise<T> {
    if (this.computes < this.config.STATS_COMPUTE_CONCURRENCY) this.computes++;
    else await new Promise<void>((resolve) => this.computeQueue.push(resolve));
    try {
      return await compute();
    } finally {
      // The slot passes to the next in line, or is freed.
      const next = this.computeQueue.shift();
      if (next) next();
      else this.computes--;
    }
  }

  /** Keeps a computed body (in every encoding: see prepareBody) here and, as its text, in Redis for the other processes. */
  async store(lookup: CacheLookup, key: string, value: PreparedBody): Promise<void> {
    if (!this.enabled) return;
    // A change is waiting for its window to close: the value may predate it, and must not land in Redis either.
    if (this.local.pending) return;
    this.local.set(key, lookup.epoch, value);
    try {
      await this.redis().statsWrite(
        this.genKey, this.dataPrefix, lookup.generation, key, `${value.source.etag}\n${value.source.body}`, this.config.STATS_CACHE_TTL_SECONDS,
      );
    } catch (err) {
      this.logger.warn({ err }, 'stats cache write failed');
    }
  }

  /**
   * The current generation: changes whenever public data changed, so it can
   * serve as a cheap validator; unique per call while changes could go unseen.
   */
  async generation(): Promise<string> {
    if (!this.listen().listening || this.redis().status !== 'ready') return `t${Date.now()}`;
    try {
      return (await this.checked((await this.redis().get(this.genKey)) ?? '0')).generation;
    } catch (err) {
      this.logger.warn({ err }, 'stats cache generation unavailable');
      return `t${Date.now()}`;
    }
  }

  /**
   * Waits until every change committed so far has been handled here (see
   * StatsChangeListener.sync), so that the answer to a write is followed by
   * reads that see it. Called once per mutating request (settleStatsAfterWrites), never on reads.
   */
  settle(): Promise<void> {
    return this.listener?.listening ? this.listener.sync() : Promise.resolve();
  }

  /** Invalidations this process handled since it started listening (each one a window of notifications). */
  get invalidations(): number {
    return this.listener?.invalidations ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
    this.listener = undefined;
    await this.client?.quit().catch(() => undefined);
    this.client = undefined;
  }
}

/** The application's own connection settings (URL, credentials, TLS), as a single dedicated client. */
function listenerConnection(dataSource: DataSource): ClientConfig {
  const o = dataSource.options as PostgresConnectionOptions;
  const extra = (o.extra ?? {}) as { application_name?: string };
  return {
    connectionString: o.url, host: o.host, port: o.port, user: o.username, database: o.database, ssl: o.ssl as ClientConfig['ssl'],
    password: typeof o.password === 'string' ? o.password : undefined,
    application_name: `${extra.application_name ?? 'gcm-tracker'}:stats-listener`,
    keepAlive: true,
  };
}

function decode(raw: string): CachedBody {
  const cut = raw.indexOf('\n');
  return { etag: raw.slice(0, cut), body: raw.slice(cut + 1) };
}
