import type { DistributionStatus } from '../model/document.types';

/**
 * From a figure to the pledges behind it (issue 16 item 7): the public pledge
 * list's address filtered to exactly the population a count was taken over.
 * The list filters through the reporting lib's own cycle-population rule
 * (`/api/v1/pledges?cycle=…&reported=…`, libs/reporting public-progress.source),
 * the one the builders' DatasetIndex.isExpected mirrors. Only populations the
 * list can express exactly get a link; a figure whose population it cannot
 * express (States, a primary theme, a span of cycles) gets none rather than an
 * approximate list.
 */
export interface PledgeListFilter {
  /** One cycle code: populations are per cycle. */
  cycle: string;
  /** owed: every pledge owing the cycle an update; not-reported: of those, none submitted or validated. */
  reported: 'owed' | 'validated' | 'not-reported';
  /** The status as of the cycle, as the status distributions count it (`no_update`: never a validated update). */
  statusInCycle?: DistributionStatus;
  objective?: number;
  theme?: number;
  /** An actionable commitment code (`T2.C4`). */
  commitment?: string;
  /** The lead organisation's id. */
  organisation?: string;
}

/** The public web page that lists pledges; it reads the same query parameters as the API list. */
export const PLEDGE_LIST_PATH = '/pledges';

/** Site-relative (`/pledges?cycle=2026-H1&reported=owed&objective=8`); documentOf makes it absolute. */
export function pledgeListHref(filter: PledgeListFilter): string {
  const q = new URLSearchParams({ cycle: filter.cycle, reported: filter.reported });
  if (filter.statusInCycle !== undefined) q.set('statusInCycle', filter.statusInCycle);
  if (filter.objective !== undefined) q.set('objective', String(filter.objective));
  if (filter.theme !== undefined) q.set('theme', String(filter.theme));
  if (filter.commitment !== undefined) q.set('commitment', filter.commitment);
  if (filter.organisation !== undefined) q.set('organisation', filter.organisation);
  return `${PLEDGE_LIST_PATH}?${q.toString()}`;
}

/** A site-relative link made absolute against the public base URL (none: left site-relative). */
export function absoluteHref(href: string, publicUrl: string | undefined): string {
  return publicUrl && href.startsWith('/') && !href.startsWith('//') ? `${publicUrl.replace(/\/+$/, '')}${href}` : href;
}
