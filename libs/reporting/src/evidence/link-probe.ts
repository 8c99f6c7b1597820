import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress } from '@gcm/platform';

/** What one evidence-link check found: `ok` answers 2xx; every other outcome is "does not answer". */
export const LINK_OUTCOMES = ['ok', 'http_error', 'timeout', 'too_many_redirects', 'refused', 'unreachable'] as const;
export type LinkOutcome = (typeof LINK_OUTCOMES)[number];

export interface LinkProbeResult {
  outcome: LinkOutcome;
  /** The last HTTP status received, if any. */
  httpStatus: number | null;
  /** A short reason for a failure, in English (stored for the secretariat, never shown to the public). */
  detail: string | null;
}

export interface LinkProbeOptions {
  timeoutMs: number;
  maxRedirects: number;
  /** Private and loopback addresses: refused unless allowed (tests only). */
  allowPrivateNetwork: boolean;
}

class ProbeFailure extends Error {
  constructor(readonly outcome: LinkOutcome, message: string) {
    super(message);
  }
}

/** Why this URL may not be requested at all, or null. */
function targetProblem(url: URL, allowPrivate: boolean): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https links are checked';
  if (url.username || url.password) return 'links carrying credentials are not requested';
  // An IP literal never reaches the lookup, so it is judged here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (literal.toLowerCase() === 'localhost' || (isIP(literal) && isPrivateAddress(literal)))) {
    return 'the link points to a private or loopback address';
  }
  return null;
}

/** One request without following redirects; the body is never read (a GET is cut once the headers arrive). */
function once(url: URL, method: 'HEAD' | 'GET', options: LinkProbeOptions): Promise<{ status: number; location: string | null }> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method,
      headers: { 'User-Agent': 'GCM-Tracker-link-check/1', Accept: '*/*' },
      lookup: guardedLookup(options.allowPrivateNetwork),
      timeout: options.timeoutMs,
    }, (res: IncomingMessage) => {
      const location = typeof res.headers.location === 'string' ? res.headers.location : null;
      resolve({ status: res.statusCode ?? 0, location });
      res.destroy();
    });
    // The whole exchange is bounded, not only socket inactivity: a server trickling headers is cut at the same limit.
    const deadline = setTimeout(() => req.destroy(new ProbeFailure('timeout', `no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('timeout', () => req.destroy(new ProbeFailure('timeout', `no answer within ${options.timeoutMs} ms`)));
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof ProbeFailure) return reject(e);
      if (e.code === 'EPRIVATE') return reject(new ProbeFailure('refused', 'the link resolves only to private addresses'));
      reject(new ProbeFailure('unreachable', e.code ? `${e.code}: ${e.message}` : e.message));
    });
    req.on('close', () => clearTimeout(deadline));
    req.end();
  });
}

/** Follows at most `maxRedirects` redirects, each hop checked again before it is requested. */
async function follow(start: URL, method: 'HEAD' | 'GET', options: LinkProbeOptions): Promise<number> {
  let url = start;
  for (let hop = 0; ; hop += 1) {
    const problem = targetProblem(url, options.allowPrivateNetwork);
    if (problem) throw new ProbeFailure('refused', problem);
    const { status, location } = await once(url, method, options);
    if (status < 300 || status >= 400 || status === 304 || !location) return status;
    if (hop >= options.maxRedirects) throw new ProbeFailure('too_many_redirects', `more than ${options.maxRedirects} redirects`);
    url = new URL(location, url);
  }
}

/**
 * Does the link answer? HEAD first; a server that refuses HEAD (any 4xx/5xx
 * or a broken connection) gets a GET, whose body is not read. A timeout or a
 * refused address is final: a GET would only wait or be refused again.
 */
export async function probeLink(raw: string, options: LinkProbeOptions): Promise<LinkProbeResult> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { outcome: 'refused', httpStatus: null, detail: 'not an absolute URL' };
  }
  const judge = (status: number): LinkProbeResult =>
    status >= 200 && status < 300 ? { outcome: 'ok', httpStatus: status, detail: null } : { outcome: 'http_error', httpStatus: status, detail: `HTTP ${status}` };
  try {
    const head = judge(await follow(url, 'HEAD', options));
    if (head.outcome === 'ok') return head;
  } catch (e) {
    const failure = e as ProbeFailure;
    if (failure.outcome !== 'unreachable') return { outcome: failure.outcome, httpStatus: null, detail: failure.message };
  }
  try {
    return judge(await follow(url, 'GET', options));
  } catch (e) {
    const failure = e as ProbeFailure;
    return { outcome: failure.outcome ?? 'unreachable', httpStatus: null, detail: failure.message };
  }
}
