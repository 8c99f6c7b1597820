import { Injectable } from '@nestjs/common';
import { etagOf, PreparedBody, prepareBody, publicCacheKey, StatsCache, unavailableDependency, writeCachedJson, writeUncachedJson } from '@gcm/platform';
import type { Request, Response } from 'express';

/**
 * Sends a public JSON document from the cache, or computes, stores and sends
 * it. The key is the request's normalised URL, the one the HTTP fast path
 * looks up, so a validated answer here is what later hits are served from.
 * The body is kept as the exact bytes sent, in each encoding (made once, when
 * stored): a hit costs no serialisation, hashing or compression; 304 answers a matching If-None-Match. While PostgreSQL is
 * unreachable, the copy from when it went away is sent, marked stale, rather
 * than a 503.
 */
@Injectable()
export class PublicJsonResponder {
  constructor(private readonly cache: StatsCache) {}

  async send(req: Request, res: Response, compute: () => Promise<string>): Promise<void> {
    const key = publicCacheKey(req.originalUrl);
    const lookup = await this.cache.lookup(key);
    let entry: PreparedBody | undefined = lookup?.hit;
    if (!entry) {
      let body: string;
      try {
        body = await compute();
      } catch (err) {
        const stale = unavailableDependency(err) === 'database' ? this.cache.fallback(key) : undefined;
        if (!stale) throw err;
        return writeCachedJson(req, res, stale.value, stale);
      }
      const computed = { body, etag: etagOf(body) };
      if (!lookup) {
        // Not cached: sent once, encoded on the way by the compression middleware.
        this.cache.computedUncached();
        return writeUncachedJson(req, res, computed);
      }
      entry = await prepareBody(computed);
      void this.cache.store(lookup, key, entry);
    }
    writeCachedJson(req, res, entry);
  }
}
