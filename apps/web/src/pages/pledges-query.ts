import type { PledgeQuery, PledgeSortKey } from '../api/models';

export const PLEDGE_PAGE_SIZE = 20;
const SORTS: PledgeSortKey[] = ['reference', 'title', 'startDate', 'targetDate', 'updatedAt', 'relevance'];

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
    // A report figure's population (builders/figure-links.ts in libs/reports): a cycle, who owed or reported, the status as of it.
    cycle: word('cycle', /^\d{4}(-[A-Z0-9]{1,4})?$/),
    // A span report's cycles, as the address gives them (2025-H2,2026-H1); the API checks each code.
    cycles: word('cycles', /^\d{4}(-[A-Z0-9]{1,4})?(,\d{4}(-[A-Z0-9]{1,4})?){0,23}$/)?.split(','),
    reported: word('reported', /^[a-z-]{2,20}$/) as PledgeQuery['reported'],
    statusInCycle: word('statusInCycle', /^[a-z_]{2,20}$/) as PledgeQuery['statusInCycle'],
    organisation: word('organisation', /^[0-9a-f-]{36}$/i),
    primaryTheme: int('primaryTheme'),
    leadRegion: word('leadRegion', /^\d{3}$/),
    roundTable: word('roundTable', /^RT\d{1,2}$/),
    commitment: word('commitment', /^T\d{1,2}\.C\d{1,3}$/),
    recommendation: int('recommendation'),
    sort: SORTS.includes(query.get('sort') as PledgeSortKey) ? (query.get('sort') as PledgeSortKey) : undefined,
    order: query.get('order') === 'asc' || query.get('order') === 'desc' ? (query.get('order') as 'asc' | 'desc') : undefined,
    limit: PLEDGE_PAGE_SIZE,
    offset: (page - 1) * PLEDGE_PAGE_SIZE,
  };
}

const FILTERS = [
  'q', 'objective', 'theme', 'region', 'country', 'pledgerKind', 'form', 'status', 'cycle', 'cycles', 'reported', 'statusInCycle', 'organisation',
  'primaryTheme', 'leadRegion', 'roundTable', 'commitment', 'recommendation',
] as const;
const KEYS = [...FILTERS, 'sort', 'order'] as const;

export function pledgesHref(q: PledgeQuery, page = 1): string {
  const search = new URLSearchParams();
  for (const key of KEYS) if (q[key] !== undefined && q[key] !== '') search.set(key, String(q[key]));
  if (page > 1) search.set('page', String(page));
  const text = search.toString();
  return `/pledges${text ? `?${text}` : ''}`;
}

export function isFiltered(q: PledgeQuery): boolean {
  return FILTERS.some((k) => q[k] !== undefined);
}

/** The export of exactly what the list shows: same filters, same order, every page. */
export function pledgesExportHref(q: PledgeQuery, format: 'csv' | 'xlsx'): string {
  const search = new URLSearchParams();
  for (const key of KEYS) if (q[key] !== undefined && q[key] !== '') search.set(key, String(q[key]));
  const text = search.toString();
  return `/api/v1/pledges/export.${format}${text ? `?${text}` : ''}`;
}

/** The sort menu: a field and its direction as one choice, as people think of them. */
export const SORT_CHOICES: { value: string; sort: PledgeSortKey; order: 'asc' | 'desc' }[] = [
  { value: 'relevance', sort: 'relevance', order: 'desc' },
  { value: 'reference', sort: 'reference', order: 'asc' },
  { value: 'title', sort: 'title', order: 'asc' },
  { value: 'updatedAt', sort: 'updatedAt', order: 'desc' },
  { value: 'startDate', sort: 'startDate', order: 'desc' },
  { value: 'targetDate', sort: 'targetDate', order: 'asc' },
];

/** The choice the query stands for: the API's default is relevance with a search, the reference without. */
export function sortChoice(q: PledgeQuery): string {
  const sort = q.sort ?? (q.q ? 'relevance' : 'reference');
  return SORT_CHOICES.find((c) => c.sort === sort)?.value ?? 'reference';
}
