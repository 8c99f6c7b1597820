import type { PracticeQuery } from '../api/models';

export const PAGE_SIZE = 20;

/** A session as the API takes it: its code (`1.1`) or its ordinal (`1`). */
const sessionOf = (v: string | null) => (v && /^(\d{1,2}\.\d{1,2}|[1-9]\d?)$/.test(v.trim()) ? v.trim() : undefined);

/** The practices search lives in the URL, so results can be bookmarked, shared and navigated back to. */
export function readQuery(query: URLSearchParams): PracticeQuery {
  const int = (key: string) => {
    const n = Number(query.get(key));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const brief = query.get('brieflyReferred');
  const page = int('page') ?? 1;
  return {
    q: query.get('q')?.trim() || undefined,
    objective: int('objective'),
    session: sessionOf(query.get('session')),
    brieflyReferred: brief === 'true' ? true : brief === 'false' ? false : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

export function practicesHref(q: PracticeQuery, page = 1): string {
  const search = new URLSearchParams();
  if (q.q) search.set('q', q.q);
  if (q.objective) search.set('objective', String(q.objective));
  if (q.session) search.set('session', String(q.session));
  if (q.brieflyReferred !== undefined) search.set('brieflyReferred', String(q.brieflyReferred));
  if (page > 1) search.set('page', String(page));
  const text = search.toString();
  return `/practices${text ? `?${text}` : ''}`;
}
