import { session, tokens, type SessionUser } from '../app/session';
import { reauth } from './reauth';

export interface FieldError {
  field: string;
  messages: string[];
}

/** The API's one error shape (libs/platform http-exception.filter.ts). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: FieldError[],
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Field errors only: a 409's details carry other things (e.g. the current version). */
  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? this.details.filter((d) => typeof d?.field === 'string') : [];
  }
}

export interface TokenResponse {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  user: SessionUser;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** `none`: never sends a token (sign-in and the like); `required`: a 401 refreshes, then asks the user to sign in again. */
  auth?: 'none' | 'optional' | 'required';
  /** Revalidate with the server instead of using the browser's HTTP cache (after an edit). */
  fresh?: boolean;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token once for every caller waiting at the same time:
 * the token is single use, and presenting it twice would end the session.
 */
export function refreshSession(): Promise<boolean> {
  const refreshToken = tokens.refresh();
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken }),
        credentials: 'same-origin',
      });
      if (!res.ok) {
        // Only a refusal ends the session; a network error leaves it for the next try.
        if (res.status === 401 || res.status === 400) session.expire();
        return false;
      }
      session.signedIn((await res.json()) as TokenResponse);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { method: opts.method ?? 'GET', headers, body, credentials: 'same-origin', cache: opts.fresh ? 'no-cache' : 'default' });
}

async function toError(res: Response): Promise<ApiError> {
  const body = res.headers.get('content-type')?.includes('json') ? await res.json().catch(() => undefined) : undefined;
  const details = Array.isArray(body?.details) ? (body.details as FieldError[]) : undefined;
  return new ApiError(res.status, body?.message ?? res.statusText, details, body);
}

/**
 * One request with the session's token. When the access token has expired it
 * is refreshed first; a 401 refreshes once and retries; when refreshing fails
 * the sign-in dialog opens in place and, once the user is back, the same request
 * is sent again, so whatever they were typing is never lost.
 */
export async function apiFetch(path: string, opts: RequestOptions = {}): Promise<Response> {
  const auth = opts.auth ?? 'required';
  if (auth === 'none') return send(path, opts, null);
  if (!tokens.access() && tokens.refresh()) await refreshSession();
  let res = await send(path, opts, tokens.access());
  if (res.status !== 401 || auth === 'optional') return res;
  if (await refreshSession()) res = await send(path, opts, tokens.access());
  while (res.status === 401) {
    await reauth.prompt();
    res = await send(path, opts, tokens.access());
  }
  return res;
}

/** JSON in, JSON out; non-2xx becomes an ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await apiFetch(path, opts);
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return res.headers.get('content-type')?.includes('json') ? ((await res.json()) as T) : (undefined as T);
}

const cache = new Map<string, Promise<unknown>>();

/**
 * GET a public JSON resource. Memoised for the page's lifetime when nobody is
 * signed in (the catalogue changes rarely and the server sends ETags); a failed
 * read is forgotten so "try again" really asks again.
 */
export function getJson<T>(path: string, opts: { cache?: boolean } = {}): Promise<T> {
  const useCache = opts.cache !== false && !session.current();
  const hit = useCache ? cache.get(path) : undefined;
  if (hit) return hit as Promise<T>;
  const request = api<T>(path, { auth: 'optional' });
  if (useCache) {
    cache.set(path, request);
    request.catch(() => cache.delete(path));
  }
  return request;
}

/** Forgets memoised public reads, e.g. after the secretariat edited the catalogue. */
export function forgetCached(prefix: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Downloads a file the API serves only to a signed-in user: fetched with the
 * token (never put in a URL), then handed to the browser as a blob.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const res = await apiFetch(path, { auth: 'optional', headers: { Accept: '*/*' } });
  if (!res.ok) throw await toError(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
