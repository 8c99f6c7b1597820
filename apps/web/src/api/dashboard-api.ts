import { clean, memo, ok, publicApi } from './client';
import type { operations } from './schema';
import type { Dimension, PledgeDetail, PledgeQuery } from './models';

type ReportQuery = NonNullable<operations['ReportsPublicController_list']['parameters']['query']>;

/** A memo key per call: the path and its parameters. */
const key = (path: string, params?: object) => `${path}${params ? JSON.stringify(clean(params)) : ''}`;

/** The dashboard aggregates, published pledges and open data, one function each. */
export const dashboardApi = {
  headline: (cycle?: string) =>
    memo(key('/api/v1/stats/headline', { cycle }), () => ok(publicApi.GET('/api/v1/stats/headline', { params: { query: clean({ cycle }) } }))),
  pledgesBy: (dimension: Dimension, count?: 'primary' | 'all') =>
    memo(key(`/api/v1/stats/pledges-by/${dimension}`, { count }), () =>
      ok(publicApi.GET('/api/v1/stats/pledges-by/{dimension}', { params: { path: { dimension }, query: clean({ count }) } })),
    ),
  status: (cycle?: string) =>
    memo(key('/api/v1/stats/status', { cycle }), () => ok(publicApi.GET('/api/v1/stats/status', { params: { query: clean({ cycle }) } }))),
  statusTrend: () => memo('/api/v1/stats/status-trend', () => ok(publicApi.GET('/api/v1/stats/status-trend'))),
  coverage: () => memo('/api/v1/stats/coverage', () => ok(publicApi.GET('/api/v1/stats/coverage'))),
  gaps: (threshold: number) =>
    memo(key('/api/v1/stats/gaps', { threshold }), () => ok(publicApi.GET('/api/v1/stats/gaps', { params: { query: { threshold } } }))),
  map: (cycle?: string) => memo(key('/api/v1/stats/map', { cycle }), () => ok(publicApi.GET('/api/v1/stats/map', { params: { query: clean({ cycle }) } }))),
  objective: (n: number) =>
    memo(`/api/v1/stats/objectives/${n}`, () => ok(publicApi.GET('/api/v1/stats/objectives/{number}', { params: { path: { number: n } } }))),
  country: (alpha3: string) =>
    memo(`/api/v1/stats/countries/${alpha3}`, () => ok(publicApi.GET('/api/v1/stats/countries/{alpha3}', { params: { path: { alpha3 } } }))),
  countryAdoption: (alpha3: string) =>
    memo(`/api/v1/stats/countries/${alpha3}/adoption`, () =>
      ok(publicApi.GET('/api/v1/stats/countries/{alpha3}/adoption', { params: { path: { alpha3 } } })),
    ),
  pledges: (q: PledgeQuery) => memo(key('/api/v1/pledges', q), () => ok(publicApi.GET('/api/v1/pledges', { params: { query: clean(q) } }))),
  pledge: (reference: string) =>
    // By reference the answer is always the public record, never an owner's working copy.
    memo(`/api/v1/pledges/${reference}`, () => ok(publicApi.GET('/api/v1/pledges/{id}', { params: { path: { id: reference } } })) as Promise<PledgeDetail>),
  relatedPractices: (reference: string) =>
    memo(`/api/v1/pledges/${reference}/related-practices`, () =>
      ok(publicApi.GET('/api/v1/pledges/{reference}/related-practices', { params: { path: { reference } } })),
    ),
  dictionary: () => memo('/api/v1/open-data/dictionary', () => ok(publicApi.GET('/api/v1/open-data/dictionary'))),
  datapackage: () => memo('/api/v1/open-data/datapackage.json', () => ok(publicApi.GET('/api/v1/open-data/datapackage.json'))),
  /** Public: every cycle with its status, oldest first. */
  cycles: () => memo('/api/v1/cycles', () => ok(publicApi.GET('/api/v1/cycles'))),
  cite: (versionId: string) => memo(`/api/v1/reports/${versionId}/cite`, () => ok(publicApi.GET('/api/v1/reports/{versionId}/cite', { params: { path: { versionId } } }))),
  reports: (q: ReportQuery) => memo(key('/api/v1/reports', q), () => ok(publicApi.GET('/api/v1/reports', { params: { query: clean(q) } }))),
};
