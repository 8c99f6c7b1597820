import type { DistributionStatus } from '../model/document.types';
import type { CycleInput } from '../model/report-input.types';

/**
 * From a figure to the population behind it (issue 16 item 7): the one place a
 * count's population becomes an address. Three public lists, all filtering with
 * the same query parameters through the reporting lib's own cycle-population
 * rule (libs/reporting public-progress.source), the one the builders'
 * DatasetIndex.isExpected / scopeData mirror:
 *
 * - pledges: the web list `/pledges?…` (the API's `/api/v1/pledges?…`);
 * - States (and other pledgers): `/api/v1/pledges/pledgers?…&pledgerKind=state`,
 *   the lead organisations of exactly those pledges (a report's "States with
 *   pledges" are the State leads of the pledges owing an update, its "reporting
 *   States" those of the pledges with a counted update);
 * - updates: `/api/v1/pledges/updates?…`, one row per counted update (a
 *   submitted one without its content, a validated one with its status).
 *
 * A span report's population is `cycles=a,b` (owing in at least one scope
 * cycle, reported in at least one, the status as of the latest). Only
 * populations the lists express exactly get a link.
 */
export interface PledgeListFilter {
  /** One cycle code, or a span's codes (in any order): the scope cycles of the count. */
  cycle: string | string[];
  /**
   * owed: every pledge owing an update in a scope cycle; counted: those with a submitted or validated
   * update (what the reports count as reported); validated: a validated one; late: a counted one after
   * the deadline; not-reported: owing, with no counted update in any scope cycle.
   */
  reported: 'owed' | 'counted' | 'validated' | 'late' | 'not-reported';
  /** The status as of the (last) cycle, as the status distributions count it (`no_update`: never a validated update). */
  statusInCycle?: DistributionStatus;
  objective?: number;
  theme?: number;
  /** The theme the roll-ups by theme count the pledge under (DatasetIndex.primaryTheme). */
  primaryTheme?: number;
  /** An SG recommendation paragraph (101). */
  recommendation?: number;
  /** An actionable commitment code (`T2.C4`). */
  commitment?: string;
  /** An IMRF round table code (`RT2`): pledges on any of its objectives. */
  roundTable?: string;
  /** The lead organisation's id. */
  organisation?: string;
  /** The region report's membership: the lead is a State of this M49 region. */
  leadRegion?: string;
}

/** The public web page that lists pledges; it reads the same query parameters as the API list. */
export const PLEDGE_LIST_PATH = '/pledges';
/** The public list of the lead organisations (States with pledgerKind=state) of a pledge population. */
export const PLEDGER_LIST_PATH = '/api/v1/pledges/pledgers';
/** The public list of the counted updates of a pledge population. */
export const UPDATE_LIST_PATH = '/api/v1/pledges/updates';

/** The scope of a figure: one cycle, or a span's cycles. */
export const scopeOf = (cycles: Pick<CycleInput, 'code'>[]): string | string[] => (cycles.length === 1 ? cycles[0].code : cycles.map((c) => c.code));

function query(filter: PledgeListFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (typeof filter.cycle === 'string' || filter.cycle.length === 1) q.set('cycle', typeof filter.cycle === 'string' ? filter.cycle : filter.cycle[0]);
  else q.set('cycles', filter.cycle.join(','));
  q.set('reported', filter.reported);
  if (filter.statusInCycle !== undefined) q.set('statusInCycle', filter.statusInCycle);
  if (filter.objective !== undefined) q.set('objective', String(filter.objective));
  if (filter.theme !== undefined) q.set('theme', String(filter.theme));
  if (filter.primaryTheme !== undefined) q.set('primaryTheme', String(filter.primaryTheme));
  if (filter.recommendation !== undefined) q.set('recommendation', String(filter.recommendation));
  if (filter.commitment !== undefined) q.set('commitment', filter.commitment);
  if (filter.roundTable !== undefined) q.set('roundTable', filter.roundTable);
  if (filter.organisation !== undefined) q.set('organisation', filter.organisation);
  if (filter.leadRegion !== undefined) q.set('leadRegion', filter.leadRegion);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** Site-relative (`/pledges?cycle=2026-H1&reported=owed&objective=8`); documentOf makes it absolute. */
export function pledgeListHref(filter: PledgeListFilter): string {
  return `${PLEDGE_LIST_PATH}?${query(filter)}`;
}

/** Every lead organisation (States and stakeholders) of the pledges of a population. */
export function pledgerListHref(filter: PledgeListFilter): string {
  return `${PLEDGER_LIST_PATH}?${query(filter)}`;
}

/** The States leading the pledges of a population (reported=owed: States with pledges; counted: reporting States). */
export function stateListHref(filter: PledgeListFilter): string {
  return `${PLEDGER_LIST_PATH}?${query(filter, { pledgerKind: 'state' })}`;
}

/** The counted updates (reported=counted), validated ones or late ones of a population's pledges. */
export function updateListHref(filter: Omit<PledgeListFilter, 'reported'> & { reported?: 'counted' | 'validated' | 'late' }): string {
  return `${UPDATE_LIST_PATH}?${query({ ...filter, reported: filter.reported ?? 'counted' })}`;
}

/** A site-relative link made absolute against the public base URL (none: left site-relative). */
export function absoluteHref(href: string, publicUrl: string | undefined): string {
  return publicUrl && href.startsWith('/') && !href.startsWith('//') ? `${publicUrl.replace(/\/+$/, '')}${href}` : href;
}
