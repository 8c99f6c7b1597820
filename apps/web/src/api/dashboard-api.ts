import { getJson, query } from './client';
import type { PledgeDetail, PledgePage, PledgeQuery } from './pledge-types';
import type {
  CountrySummary, Coverage, Dictionary, Dimension, Gaps, Headline, MapStats, ObjectiveSummary, PledgesBy, RelatedPractices, ReportPage,
  StatusStats, StatusTrend,
} from './stats-types';

const stats = '/api/v1/stats';

/** The dashboard aggregates, published pledges and open data, one function each. */
export const dashboardApi = {
  headline: (cycle?: string) => getJson<Headline>(`${stats}/headline${query({ cycle })}`),
  pledgesBy: (dimension: Dimension, count?: 'primary' | 'all') => getJson<PledgesBy>(`${stats}/pledges-by/${dimension}${query({ count })}`),
  status: (cycle?: string) => getJson<StatusStats>(`${stats}/status${query({ cycle })}`),
  statusTrend: () => getJson<StatusTrend>(`${stats}/status-trend`),
  coverage: () => getJson<Coverage>(`${stats}/coverage`),
  gaps: (threshold: number) => getJson<Gaps>(`${stats}/gaps${query({ threshold })}`),
  map: (cycle?: string) => getJson<MapStats>(`${stats}/map${query({ cycle })}`),
  objective: (n: number) => getJson<ObjectiveSummary>(`${stats}/objectives/${n}`),
  country: (alpha3: string) => getJson<CountrySummary>(`${stats}/countries/${encodeURIComponent(alpha3)}`),
  pledges: (q: PledgeQuery) => getJson<PledgePage>(`/api/v1/pledges${query({ ...q })}`),
  pledge: (reference: string) => getJson<PledgeDetail>(`/api/v1/pledges/${encodeURIComponent(reference)}`),
  relatedPractices: (reference: string) => getJson<RelatedPractices>(`/api/v1/pledges/${encodeURIComponent(reference)}/related-practices`),
  dictionary: () => getJson<Dictionary>('/api/v1/open-data/dictionary'),
  /** Public: every cycle with its status, oldest first. */
  cycles: () => getJson<{ code: string; status: string; periodStart: string }[]>('/api/v1/cycles'),
  reports: (q: { kind?: string; cycle?: string; limit?: number; offset?: number }) => getJson<ReportPage>(`/api/v1/reports${query(q)}`),
};
