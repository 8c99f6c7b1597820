import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { PreparedBody, sendPrepared, sendPreparedWith } from './representations';
import type { CachedBody, StatsCache } from './stats-cache';
import { currentLocale, localeOfRequest } from '../i18n/request-locale';
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
  // Most dashboard URLs have no query: nothing to sort (the hot path's case).
  if (q < 0) return `${url}#${locale}`;
  const params = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  params.delete('lang');
  params.sort();
  const query = params.toString();
  const path = q < 0 ? url : url.slice(0, q);
  return `${query ? `${path}?${query}` : path}#${locale}`;
}

/**
 * Sends a cached JSON body, in the encoding the client accepts, with its
 * validators, or 304 when the client's copy is current. A stale one (the
 * database is unreachable) says so, with its age, and is not to be reused
 * without asking again.
 */
export function writeCachedJson(req: IncomingMessage, res: ServerResponse, entry: PreparedBody, stale?: { ageSeconds: number }, extra: string[] = []): void {
  const policy = stale
    ? ['Cache-Control', 'no-cache', 'Age', String(stale.ageSeconds), 'Warning', '110 - "Response is Stale"']
    : CACHE_POLICY;
  sendPrepared(req, res, entry, extra.length ? policy.concat(extra) : policy);
}

const CACHE_POLICY = ['Cache-Control', PUBLIC_CACHE_CONTROL];

/** Sends a JSON body computed for this request only (the cache is off or unavailable); the compression middleware encodes it. */
export function writeUncachedJson(req: Request, res: Response, entry: CachedBody): void {
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

/** What the fast path must add to every answer, as the request pipeline would: see configureHttpApp. */
export interface FastPathHeaders {
  /** The security headers (helmet's), the same for every response. */
  fixed: string[];
  /** Per-request headers (correlation id, Connection: close while draining). */
  perRequest(req: IncomingMessage): string[];
}

/**
 * Answers GETs of registered public paths straight from the in-memory cache,
 * ahead of Express itself (its router, body parsing, access logging, guards
 * and pipes): a hit is a map lookup and one write of bytes encoded when the
 * cache was filled. Only exact URLs the full pipeline has already validated
 * and answered are ever in the cache, so the fast path cannot serve what the
 * API would refuse. Returns false (the request goes on to Express) on a miss.
 */
export function publicCacheFastPath(cache: StatsCache, headers: FastPathHeaders) {
  // The headers every hit in a language sends besides its representation's: the cache policy, the security headers, the language.
  const fixedByLocale = new Map<Locale, string[]>();
  const fixedFor = (locale: Locale): string[] => {
    let fixed = fixedByLocale.get(locale);
    if (!fixed) fixedByLocale.set(locale, (fixed = CACHE_POLICY.concat(headers.fixed, ['Content-Language', locale])));
    return fixed;
  };
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !url || !cache.servesFromMemory(url)) return false;
    // The language as the locale middleware would resolve it (this answers before it); an unknown `?lang=` is its 400.
    const { locale, invalidLang } = localeOfRequest(url, req.headers['accept-language']);
    if (invalidLang !== undefined) return false;
    const hit = cache.peek(publicCacheKey(url, locale));
    if (!hit) return false;
    sendPreparedWith(req, res, hit, fixedFor(locale), headers.perRequest(req));
    return true;
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
