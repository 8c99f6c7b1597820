import {
  coverageSql, gapsSql, headlineSql, mapSql, pledgesBySql, statusSql, statusTrendSql, StatsQuery, withProvenanceQuery,
} from '@gcm/dashboard';

/** The public aggregates the benchmark measures, with the exact SQL the API runs for each (the figures' statement with the snapshot joined in). */
export interface BenchEndpoint {
  path: string;
  sql: () => StatsQuery;
}

export const BENCH_ENDPOINTS: BenchEndpoint[] = [
  { path: '/api/v1/stats/headline', sql: () => withProvenanceQuery(headlineSql(null)) },
  { path: '/api/v1/stats/pledges-by/objective', sql: () => withProvenanceQuery(pledgesBySql('objective', 'all')) },
  { path: '/api/v1/stats/pledges-by/theme', sql: () => withProvenanceQuery(pledgesBySql('theme', 'primary')) },
  { path: '/api/v1/stats/pledges-by/region', sql: () => withProvenanceQuery(pledgesBySql('region', 'all')) },
  { path: '/api/v1/stats/pledges-by/pledger-kind', sql: () => withProvenanceQuery(pledgesBySql('pledger-kind', 'primary')) },
  { path: '/api/v1/stats/status', sql: () => withProvenanceQuery(statusSql(null)) },
  { path: '/api/v1/stats/status-trend', sql: () => withProvenanceQuery(statusTrendSql()) },
  { path: '/api/v1/stats/coverage', sql: () => withProvenanceQuery(coverageSql()) },
  { path: '/api/v1/stats/gaps', sql: () => withProvenanceQuery(gapsSql(3)) },
  { path: '/api/v1/stats/map', sql: () => withProvenanceQuery(mapSql(null)) },
];
