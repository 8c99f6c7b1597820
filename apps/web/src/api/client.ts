import createClient from 'openapi-fetch';
import { session, tokens } from '../app/session';
import { t } from '../i18n';
import type { ErrorBody, ErrorCode, FieldError, TokenResponse } from './models';
import { reauth } from './reauth';
import type { paths } from './schema';

export type { FieldError, TokenResponse };

/** The API's one error shape (ErrorBodyDto): callers switch on `code`, never on the status or the message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: FieldError[],
    readonly body?: Partial<ErrorBody> & Record<string, unknown>,
  ) {
    super(message);
  }

  /** An error the page raises itself before asking the API (e.g. an impossible id in the address). */
  static local(status: number, code: ErrorCode, message: string, details?: FieldError[]): ApiError {
    return new ApiError(status, message, details, { code, message });
  }

  get code(): ErrorCode | undefined {
    return this.body?.code;
  }

  /** Field errors only: a 409's details carry other things (e.g. the current version). */
  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? this.details.filter((d) => typeof d?.field === 'string') : [];
  }
}

/** `none`: never sends a token (sign-in and the like); `optional`: sends one if signed in; `required`: a 401 refreshes, then asks the user to sign in again. */
export type Auth = 'none' | 'optional' | 'required';

const baseUrl = typeof location === 'undefined' ? '' : location.origin;
const anonymous = createClient<paths>({ baseUrl, credentials: 'same-origin' });

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
      const { data, error } = await anonymous.POST('/api/v1/auth/refresh', { body: { refreshToken } });
      if (!data) {
        // Only a refusal ends the session; a network error leaves it for the next try.
        if (error?.code === 'unauthenticated' || error?.code === 'validation_failed') session.expire();
        return false;
      }
      session.signedIn(data);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Every call says the interface language, so server messages and catalogue titles come back in it (English where the server has none). */
function send(request: Request, token: string | null): Promise<Response> {
  const copy = request.clone();
  copy.headers.set('Accept-Language', t.lang);
  if (token) copy.headers.set('Authorization', `Bearer ${token}`);
  return fetch(copy);
}

/**
 * The transport under every typed call. When the access token has expired it
 * is refreshed first; a 401 refreshes once and retries; when refreshing fails
 * the sign-in dialog opens in place and, once the user is back, the same request
 * is sent again, so whatever they were typing is never lost.
 */
function transport(auth: Auth): (request: Request) => Promise<Response> {
  return async (request) => {
    if (auth === 'none') return send(request, null);
    if (!tokens.access() && tokens.refresh()) await refreshSession();
    let res = await send(request, tokens.access());
    if (res.status !== 401 || auth === 'optional') return res;
    if (await refreshSession()) res = await send(request, tokens.access());
    while (res.status === 401) {
      await reauth.prompt();
      res = await send(request, tokens.access());
    }
    return res;
  };
}

/** Typed clients generated from openapi.json, one per kind of access. */
export const api = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: transport('required') });
export const publicApi = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: transport('optional') });
export const signInApi = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: transport('none') });

function toError(status: number, statusText: string, error: unknown): ApiError {
  const body = error && typeof error === 'object' ? (error as ApiError['body']) : undefined;
  const details = Array.isArray(body?.details) ? (body.details as FieldError[]) : undefined;
  return new ApiError(status, typeof body?.message === 'string' ? body.message : statusText, details, body);
}

/** The body of a 2xx; anything else becomes an ApiError carrying the error's `code`. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toError(response.status, response.statusText, error);
  return data as T;
}

const cache = new Map<string, Promise<unknown>>();

/**
 * A public read, memoised for the page's lifetime when nobody is signed in
 * (the catalogue changes rarely and the server sends ETags); a failed read is
 * forgotten so "try again" really asks again.
 */
export function memo<T>(key: string, read: () => Promise<T>, opts: { cache?: boolean } = {}): Promise<T> {
  const useCache = opts.cache !== false && !session.current();
  const hit = useCache ? cache.get(key) : undefined;
  if (hit) return hit as Promise<T>;
  const request = read();
  if (useCache) {
    cache.set(key, request);
    request.catch(() => cache.delete(key));
  }
  return request;
}

/** Forgets memoised public reads, e.g. after the secretariat edited the catalogue. */
export function forgetCached(prefix: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}

/** Drops empty filter values so they are not sent as `?q=`. */
export function clean<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}

/** A query string for links inside the app (not for API calls, which the typed client builds). */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const text = new URLSearchParams(Object.entries(clean(params)).map(([k, v]) => [k, String(v)])).toString();
  return text ? `?${text}` : '';
}

/**
 * Downloads a file the API serves only to a signed-in user: fetched with the
 * token (never put in a URL), then handed to the browser as a blob.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const res = await transport('optional')(new Request(new URL(path, baseUrl || undefined), { headers: { Accept: '*/*' }, credentials: 'same-origin' }));
  if (!res.ok) throw toError(res.status, res.statusText, await res.json().catch(() => undefined));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
