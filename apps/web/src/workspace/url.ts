import { query } from '../api/client';

/** `path` with the current query changed by `changes` (empty values dropped). */
export function hrefWith(path: string, current: URLSearchParams, changes: Record<string, string | number | undefined>): string {
  const params: Record<string, string | number | undefined> = Object.fromEntries(current.entries());
  return path + query({ ...params, ...changes });
}

/** The values of a filter form, as query parameters. */
export function formParams(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  });
  return out;
}
