import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { CachedBody, StatsCache } from './stats-cache';
import { currentContext } from '../context/request-context';
import { currentLocale } from '../i18n/request-locale';
import type { Locale } from '../pure/locales';

/**
 * Public aggregates change only when public data is committed, and the server
 * cache is invalidated then; a minute of client caching with revalidation by
 * ETag keeps dashboards fresh without refetching unchanged bodies.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * The cache key of a request: its path, its query parameters in a stable
 * order, and the language the body is in (catalogue titles and country
 * names are localised; `?lang=` and `Accept-Language` both select it, so the
 * key carries the resolved language, not the parameter).
 */
export function publicCacheKey(url: string, locale: Locale = currentLocale()): string {
  const q = url.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  params.delete('lang');
  params.sort();
  const query = params.toString();
  const path = q < 0 ? url : url.slice(0, q);
  return `${query ? `${path}?${query}` : path}#${locale}`;
}

/**
 * Sends a cached JSON body with its validators, or 304 when the client's copy
 * is current. A stale one (the database is unreachable) says so, with its age,
 * and is not to be reused without asking again.
 */
export function writeCachedJson(req: Request, res: Response, entry: CachedBody, stale?: { ageSeconds: number }): void {
  res.setHeader('Cache-Control', stale ? 'no-cache' : PUBLIC_CACHE_CONTROL);
  if (stale) {
    res.setHeader('Age', String(stale.ageSeconds));
    res.setHeader('Warning', '110 - "Response is Stale"');
  }
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

/**
 * Answers GETs of registered public paths straight from the in-memory cache,
 * before body parsing, access logging and the framework's routing, guards and
 * pipes: a hit is a map lookup and a write. Only exact URLs the full pipeline
 * has already validated and answered are ever in the cache, so the fast path
 * cannot serve what the API would refuse. Misses continue as usual.
 */
export function publicCacheFastPath(cache: StatsCache) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !cache.servesFromMemory(req.url)) return next();
    // An unknown `?lang=` is the input guard's 400, never a cached body.
    if (currentContext()?.invalidLang !== undefined) return next();
    const hit = cache.peek(publicCacheKey(req.url));
    if (!hit) return next();
    writeCachedJson(req, res, hit);
  };
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes for the public aggregates: the answer to a mutating
 * request is held back (its `end`, whatever wrote it) until this process has
 * handled the change notifications of what was committed, so the very next
 * dashboard read sees the change. No writer calls the cache, and reads pass
 * straight through.
 */
export function settleStatsAfterWrites(cache: StatsCache) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (READS.has(req.method)) return next();
    const end = res.end;
    res.end = function (this: Response, ...args: unknown[]) {
      res.end = end;
      cache.settle().catch(() => undefined).then(() => (end as (...a: unknown[]) => Response).apply(this, args));
      return this;
    } as Response['end'];
    next();
  };
}
