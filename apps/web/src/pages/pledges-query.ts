import type { PledgeQuery } from '../api/models';

export const PLEDGE_PAGE_SIZE = 20;

/** The pledge search lives in the URL, so results can be bookmarked, shared and navigated back to. */
export function readPledgeQuery(query: URLSearchParams): PledgeQuery {
  const int = (key: string) => {
    const n = Number(query.get(key));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const word = (key: string, pattern: RegExp) => {
    const v = query.get(key) ?? '';
    return pattern.test(v) ? v : undefined;
  };
  const page = int('page') ?? 1;
  return {
    q: query.get('q')?.trim() || undefined,
    objective: int('objective'),
    theme: int('theme'),
    region: word('region', /^\d{3}$/),
    country: word('country', /^[A-Z]{3}$/),
    // Values from the address bar: the API answers 400 to one it does not know, and the page says so.
    pledgerKind: word('pledgerKind', /^[a-z_]{2,20}$/) as PledgeQuery['pledgerKind'],
    form: word('form', /^[a-z]{2,20}$/) as PledgeQuery['form'],
    status: word('status', /^[a-z_]{2,20}$/) as PledgeQuery['status'],
    limit: PLEDGE_PAGE_SIZE,
    offset: (page - 1) * PLEDGE_PAGE_SIZE,
  };
}

const KEYS = ['q', 'objective', 'theme', 'region', 'country', 'pledgerKind', 'form', 'status'] as const;

export function pledgesHref(q: PledgeQuery, page = 1): string {
  const search = new URLSearchParams();
  for (const key of KEYS) if (q[key] !== undefined && q[key] !== '') search.set(key, String(q[key]));
  if (page > 1) search.set('page', String(page));
  const text = search.toString();
  return `/pledges${text ? `?${text}` : ''}`;
}

export function isFiltered(q: PledgeQuery): boolean {
  return KEYS.some((k) => q[k] !== undefined);
}
