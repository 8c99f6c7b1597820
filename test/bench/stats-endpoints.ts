import {
  coverageSql, gapsSql, headlineSql, mapSql, pledgesBySql, statusSql, statusTrendSql, StatsQuery,
} from '@gcm/dashboard';

/** The public aggregates the benchmark measures, with the exact SQL the API runs for each. */
export interface BenchEndpoint {
  path: string;
  sql: () => StatsQuery;
}

export const BENCH_ENDPOINTS: BenchEndpoint[] = [
  { path: '/api/v1/stats/headline', sql: () => headlineSql(null) },
  { path: '/api/v1/stats/pledges-by/objective', sql: () => pledgesBySql('objective', 'all') },
  { path: '/api/v1/stats/pledges-by/theme', sql: () => pledgesBySql('theme', 'primary') },
  { path: '/api/v1/stats/pledges-by/region', sql: () => pledgesBySql('region', 'all') },
  { path: '/api/v1/stats/pledges-by/pledger-kind', sql: () => pledgesBySql('pledger-kind', 'primary') },
  { path: '/api/v1/stats/status', sql: () => statusSql(null) },
  { path: '/api/v1/stats/status-trend', sql: () => statusTrendSql() },
  { path: '/api/v1/stats/coverage', sql: () => coverageSql() },
  { path: '/api/v1/stats/gaps', sql: () => gapsSql(3) },
  { path: '/api/v1/stats/map', sql: () => mapSql(null) },
];
