import { Injectable } from '@nestjs/common';
import { CachedBody, etagOf, publicCacheKey, StatsCache, writeCachedJson } from '@gcm/platform';
import type { Request, Response } from 'express';

/**
 * Sends a public JSON document from the cache, or computes, stores and sends
 * it. The key is the request's normalised URL, the one the HTTP fast path
 * looks up, so a validated answer here is what later hits are served from.
 * The body is kept as the exact bytes sent: a hit costs no serialisation and
 * no hashing; 304 answers a matching If-None-Match.
 */
@Injectable()
export class PublicJsonResponder {
  constructor(private readonly cache: StatsCache) {}

  async send(req: Request, res: Response, compute: () => Promise<string>): Promise<void> {
    const key = publicCacheKey(req.originalUrl);
    const lookup = await this.cache.lookup(key);
    let entry: CachedBody | undefined = lookup?.hit;
    if (!entry) {
      const body = await compute();
      entry = { body, etag: etagOf(body) };
      if (lookup) void this.cache.store(lookup, key, entry);
    }
    writeCachedJson(req, res, entry);
  }
}
