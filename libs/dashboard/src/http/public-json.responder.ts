import { Injectable } from '@nestjs/common';
import {
  CacheLookup, etagOf, PreparedBody, prepareBody, publicCacheKey, StatsCache, unavailableDependency, writeCachedJson, writeUncachedJson,
} from '@gcm/platform';
import type { Request, Response } from 'express';

/** A computation of one key under way, and the lookup it started from. */
interface Flight {
  generation: string;
  epoch: number;
  entry: Promise<PreparedBody>;
}

/**
 * Sends a public JSON document from the cache, or computes, stores and sends
 * it. The key is the request's normalised URL, the one the HTTP fast path
 * looks up, so a validated answer here is what later hits are served from.
 * The body is kept as the exact bytes sent, in each encoding (made once, when
 * stored): a hit costs no serialisation, hashing or compression; 304 answers a matching If-None-Match. While PostgreSQL is
 * unreachable, the copy from when it went away is sent, marked stale, rather
 * than a 503.
 *
 * Misses of one key share one computation: after an invalidation every reader
 * of a dashboard misses at once, and N readers would otherwise run the same
 * statement N times, holding N pool connections that writes then wait for
 * (and computations of different keys take turns: StatsCache.computing). A
 * request joins a computation only if it started from the same cache
 * generation and epoch as its own lookup (no change handled in between), so
 * what it is sent is what it would have computed itself.
 */
@Injectable()
export class PublicJsonResponder {
  private readonly flights = new Map<string, Flight>();

  constructor(private readonly cache: StatsCache) {}

  async send(req: Request, res: Response, compute: () => Promise<string>): Promise<void> {
    const key = publicCacheKey(req.originalUrl);
    const lookup = await this.cache.lookup(key);
    let entry: PreparedBody | undefined = lookup?.hit;
    if (!entry) {
      if (!lookup) {
        let body: string;
        try {
          body = await compute();
        } catch (err) {
          return this.sendStale(req, res, key, err);
        }
        // Not cached: sent once, encoded on the way by the compression middleware.
        this.cache.computedUncached();
        return writeUncachedJson(req, res, { body, etag: etagOf(body) });
      }
      try {
        entry = await this.computeShared(key, lookup, compute);
      } catch (err) {
        return this.sendStale(req, res, key, err);
      }
    }
    writeCachedJson(req, res, entry);
  }

  private sendStale(req: Request, res: Response, key: string, err: unknown): void {
    const stale = unavailableDependency(err) === 'database' ? this.cache.fallback(key) : undefined;
    if (!stale) throw err;
    writeCachedJson(req, res, stale.value, stale);
  }

  /** The body of `key` computed, encoded and stored once for every request that missed it from the same lookup state. */
  private computeShared(key: string, lookup: CacheLookup, compute: () => Promise<string>): Promise<PreparedBody> {
    const running = this.flights.get(key);
    if (running && running.generation === lookup.generation && running.epoch === lookup.epoch) return running.entry;
    const entry = this.cache.computing(compute).then((body) => prepareBody({ body, etag: etagOf(body) }));
    const flight: Flight = { generation: lookup.generation, epoch: lookup.epoch, entry };
    this.flights.set(key, flight);
    void entry.then((value) => this.cache.store(lookup, key, value), () => undefined).catch(() => undefined).finally(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    });
    return entry;
  }
}
