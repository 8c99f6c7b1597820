import { session } from '../app/session';

/** The API's one error shape (libs/platform http-exception.filter.ts). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: { field: string; messages: string[] }[],
  ) {
    super(message);
  }
}

const cache = new Map<string, Promise<unknown>>();

/**
 * GET a JSON resource. Public reads are memoised for the page's lifetime (the
 * catalogue changes rarely and the server sends ETags); a failed read is forgotten
 * so "try again" really asks again.
 */
export function getJson<T>(path: string, opts: { cache?: boolean } = {}): Promise<T> {
  const useCache = opts.cache !== false && !session.current();
  const hit = useCache ? cache.get(path) : undefined;
  if (hit) return hit as Promise<T>;
  const request = send<T>(path);
  if (useCache) {
    cache.set(path, request);
    request.catch(() => cache.delete(path));
  }
  return request;
}

async function send<T>(path: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = session.current()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(path, { headers, credentials: 'same-origin' });
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : undefined;
  if (!res.ok) {
    if (res.status === 401) session.clear();
    throw new ApiError(res.status, body?.message ?? res.statusText, body?.details);
  }
  return body as T;
}

export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
