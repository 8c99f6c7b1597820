import { Injectable } from '@nestjs/common';
import { CachedBody, etagOf, publicCacheKey, StatsCache, unavailableDependency, writeCachedJson } from '@gcm/platform';
import type { Request, Response } from 'express';

/**
 * Sends a public JSON document from the cache, or computes, stores and sends
 * it. The key is the request's normalised URL, the one the HTTP fast path
 * looks up, so a validated answer here is what later hits are served from.
 * The body is kept as the exact bytes sent: a hit costs no serialisation and
 * no hashing; 304 answers a matching If-None-Match. While PostgreSQL is
 * unreachable, the copy from when it went away is sent, marked stale, rather
 * than a 503.
 */
@Injectable()
export class PublicJsonResponder {
  constructor(private readonly cache: StatsCache) {}

  async send(req: Request, res: Response, compute: () => Promise<string>): Promise<void> {
    const key = publicCacheKey(req.originalUrl);
    const lookup = await this.cache.lookup(key);
    let entry: CachedBody | undefined = lookup?.hit;
    if (!entry) {
      let body: string;
      try {
        body = await compute();
      } catch (err) {
        const stale = unavailableDependency(err) === 'database' ? this.cache.fallback(key) : undefined;
        if (!stale) throw err;
        return writeCachedJson(req, res, stale.value, stale);
      }
      entry = { body, etag: etagOf(body) };
      if (lookup) void this.cache.store(lookup, key, entry);
      else this.cache.computedUncached();
    }
    writeCachedJson(req, res, entry);
  }
}
