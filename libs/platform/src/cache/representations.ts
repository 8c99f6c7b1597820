import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { CachedBody } from './stats-cache';

/** Smaller bodies are sent as they are: compressing them saves less than the headers weigh. */
export const COMPRESSION_THRESHOLD = 1024;

export type Encoding = 'br' | 'gzip' | 'identity';

/** One way of sending a cached body: its bytes, its own ETag and the fixed headers that go with it. */
export interface Representation {
  encoding: Encoding;
  etag: string;
  bytes: Buffer;
  /** Content-Type, Content-Length, ETag, Vary and Content-Encoding, as a flat list for writeHead. */
  headers: string[];
}

/** A cached body in every encoding a client may ask for, each made once, when the cache is filled. */
export interface PreparedBody {
  source: CachedBody;
  identity: Representation;
  gzip: Representation;
  br: Representation;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Marks a response whose body is already encoded, so the compression middleware leaves it alone. */
export const PRECOMPRESSED = Symbol('precompressed');

/**
 * A cached body is one language's (the cache key carries the request's language, see publicCacheKey) in one
 * encoding: both headers select it, and writeHead's list replaces the Vary the locale middleware set, so both
 * are named here, in one header.
 */
export const CACHED_VARY = 'Accept-Encoding, Accept-Language';

function representation(encoding: Encoding, etag: string, bytes: Buffer): Representation {
  const headers = [
    'Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(bytes.length), 'ETag', etag, 'Vary', CACHED_VARY,
  ];
  if (encoding !== 'identity') headers.push('Content-Encoding', encoding);
  return { encoding, etag, bytes, headers };
}

/** An ETag per representation: the identity's, with the encoding appended inside the quotes. */
function encodedEtag(etag: string, encoding: Encoding): string {
  return `${etag.slice(0, -1)}-${encoding}"`;
}

/**
 * Brotli at quality 6 and gzip at level 9, off the event loop (zlib's thread
 * pool): paid once per body and generation, then every hit is a write. Not
 * brotli 11: on the 24 KB map it is ~30× the CPU of 6 for 17 % fewer bytes
 * (2.5 KB against 3.0 KB), and every invalidation refills every hot key in
 * every process — during a deadline rush, several times a minute.
 */
const BROTLI_QUALITY = 6;

/** The body in identity, gzip and brotli (below COMPRESSION_THRESHOLD, identity for all three). */
export async function prepareBody(source: CachedBody): Promise<PreparedBody> {
  const raw = Buffer.from(source.body);
  const identity = representation('identity', source.etag, raw);
  if (raw.length < COMPRESSION_THRESHOLD) return { source, identity, gzip: identity, br: identity };
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
    gzipAsync(raw, { level: 9 }),
  ]);
  return {
    source,
    identity,
    gzip: representation('gzip', encodedEtag(source.etag, 'gzip'), gz),
    br: representation('br', encodedEtag(source.etag, 'br'), br),
  };
}

const negotiated = new Map<string, Encoding>();
const NEGOTIATED_MAX = 256;
const PREFERENCE: Encoding[] = ['br', 'gzip', 'identity'];

/**
 * The encoding to send for an Accept-Encoding header (RFC 9110 §12.5.3):
 * the highest q among br, gzip and identity, ties going in that order; `*`
 * stands for any coding not named; identity is acceptable unless refused.
 * Headers repeat (a browser sends the same one every time), so answers are memoised.
 */
export function preferredEncoding(header: string | string[] | undefined): Encoding {
  if (!header) return 'identity';
  const value = Array.isArray(header) ? header.join(',') : header;
  const known = negotiated.get(value);
  if (known) return known;
  const q = new Map<string, number>();
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (e: Encoding): number => q.get(e) ?? q.get('*') ?? (e === 'identity' ? 1 : 0);
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const e of PREFERENCE) {
    const w = weightOf(e);
    if (w > bestQ) [best, bestQ] = [e, w];
  }
  if (negotiated.size >= NEGOTIATED_MAX) negotiated.clear();
  negotiated.set(value, best);
  return best;
}

/** If-None-Match against the representation's ETag (weak comparison), unless the client asks for no cached copy. */
function fresh(req: IncomingMessage, etag: string): boolean {
  const inm = req.headers['if-none-match'];
  if (!inm) return false;
  const cc = req.headers['cache-control'];
  if (cc && /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(cc)) return false;
  if (inm === etag) return true;
  for (const tag of inm.split(',')) {
    const t = tag.trim();
    if (t === '*' || t === etag || t === `W/${etag}`) return true;
  }
  return false;
}

/**
 * Sends the representation of `body` the client accepts, with `extra` header
 * pairs (cache policy, security headers, correlation id), or a 304 without
 * touching any body when the client's copy of that representation is current.
 */
export function sendPrepared(req: IncomingMessage, res: ServerResponse, body: PreparedBody, extra: string[]): void {
  const rep = body[preferredEncoding(req.headers['accept-encoding'])];
  (res as ServerResponse & { [PRECOMPRESSED]?: boolean })[PRECOMPRESSED] = true;
  if (fresh(req, rep.etag)) {
    res.writeHead(304, extra.length ? ['ETag', rep.etag, 'Vary', CACHED_VARY].concat(extra) : ['ETag', rep.etag, 'Vary', CACHED_VARY]);
    res.end();
    return;
  }
  res.writeHead(200, extra.length ? rep.headers.concat(extra) : rep.headers);
  res.end(rep.bytes);
}

/** Each representation's headers with one list of fixed ones appended, made once per (representation, list). */
const withFixed = new WeakMap<Representation, WeakMap<string[], { ok: string[]; notModified: string[] }>>();

function headersWith(rep: Representation, fixed: string[]): { ok: string[]; notModified: string[] } {
  let byList = withFixed.get(rep);
  if (!byList) withFixed.set(rep, (byList = new WeakMap()));
  let lists = byList.get(fixed);
  if (!lists) byList.set(fixed, (lists = { ok: rep.headers.concat(fixed), notModified: ['ETag', rep.etag, 'Vary', CACHED_VARY].concat(fixed) }));
  return lists;
}

/**
 * sendPrepared for a caller that sends the same `fixed` headers (one array, kept) with every answer and a few
 * `perRequest` ones (the correlation id): the representation's headers and the fixed ones are joined once, so a
 * hit copies one list instead of building three.
 */
export function sendPreparedWith(req: IncomingMessage, res: ServerResponse, body: PreparedBody, fixed: string[], perRequest: string[]): void {
  const rep = body[preferredEncoding(req.headers['accept-encoding'])];
  const lists = headersWith(rep, fixed);
  if (fresh(req, rep.etag)) {
    res.writeHead(304, lists.notModified.concat(perRequest));
    res.end();
    return;
  }
  res.writeHead(200, lists.ok.concat(perRequest));
  res.end(rep.bytes);
}
