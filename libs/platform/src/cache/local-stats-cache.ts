import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { createRedis } from '../queue/redis';
import type { CachedBody } from './stats-cache';

/** Enough for every dashboard query; past it the map starts over rather than grow without bound. */
const MAX_ENTRIES = 2000;

interface Entry {
  generation: string;
  value: CachedBody;
  expires: number;
}

/**
 * The in-process copy of the stats cache. It is trusted only while a Redis
 * subscription to the generation channel is live and the entry's generation
 * is the one last seen there: a lost connection switches it off (reads go to
 * Redis) until the subscription is back and the generation re-read.
 */
export class LocalStatsCache {
  private readonly logger = new Logger('StatsCache');
  private readonly entries = new Map<string, Entry>();
  /** The generation currently published; null while not subscribed. */
  private current: string | null = null;
  private subscriber?: Redis;

  constructor(private readonly ttlMs: number) {}

  follow(url: string, channel: string, readGeneration: () => Promise<string | null>): void {
    if (this.subscriber) return;
    const sub = createRedis(url, 'worker');
    this.subscriber = sub;
    sub.on('ready', () => {
      sub.subscribe(channel).then(
        async () => this.advance((await readGeneration()) ?? '0'),
        (err: Error) => this.logger.warn({ err }, 'stats cache subscription failed; in-memory copies stay off'),
      );
    });
    sub.on('message', (_channel: string, generation: string) => this.advance(generation));
    sub.on('close', () => this.suspend());
    sub.on('error', () => this.suspend());
  }

  /** A new generation is current: everything older is dropped. */
  advance(generation: string): void {
    if (this.subscriber?.status !== 'ready') return this.suspend();
    if (generation === this.current) return;
    if (this.current !== null && Number(generation) < Number(this.current)) return; // a late message
    this.current = generation;
    this.entries.clear();
  }

  suspend(): void {
    this.current = null;
    this.entries.clear();
  }

  get(key: string): CachedBody | undefined {
    if (this.current === null) return undefined;
    const e = this.entries.get(key);
    if (!e || e.generation !== this.current || e.expires < Date.now()) return undefined;
    return e.value;
  }

  set(key: string, generation: string, value: CachedBody): void {
    if (this.current === null || generation !== this.current) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { generation, value, expires: Date.now() + this.ttlMs });
  }

  async stop(): Promise<void> {
    this.suspend();
    await this.subscriber?.quit().catch(() => undefined);
    this.subscriber = undefined;
  }
}
