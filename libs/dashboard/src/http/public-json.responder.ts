import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CachedBody, StatsCache } from '@gcm/platform';
import type { Request, Response } from 'express';

/**
 * Public aggregates change only when something is published, and the cache is
 * invalidated then; a minute of client caching with revalidation by ETag keeps
 * dashboards fresh without refetching unchanged bodies.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Sends a public JSON document from the Redis cache, or computes, stores and
 * sends it. The body is kept as the exact bytes sent, so a hit costs no
 * serialisation and no hashing; 304 answers a matching If-None-Match.
 */
@Injectable()
export class PublicJsonResponder {
  constructor(private readonly cache: StatsCache) {}

  async send(req: Request, res: Response, key: string, compute: () => Promise<string>): Promise<void> {
    const lookup = await this.cache.lookup(key);
    let entry: CachedBody | undefined = lookup?.hit;
    if (!entry) {
      const body = await compute();
      entry = { body, etag: etagOf(body) };
      if (lookup) void this.cache.store(lookup, key, entry);
    }
    writeJson(req, res, entry);
  }
}

export function writeJson(req: Request, res: Response, entry: CachedBody): void {
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  res.setHeader('ETag', entry.etag);
  if (req.fresh) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(entry.body));
  res.end(entry.body);
}
