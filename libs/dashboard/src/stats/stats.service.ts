import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runStatsQuery } from './stats-query.runner';
import { coverageSql } from './sql/coverage.sql';
import type { StatsQuery } from './sql/fragments';
import { gapsSql } from './sql/gaps.sql';
import { headlineSql } from './sql/headline.sql';
import { mapSql } from './sql/map.sql';
import { CountMode, Dimension, pledgesBySql } from './sql/pledges-by.sql';
import { statusSql, statusTrendSql } from './sql/status.sql';
import { countrySummarySql, objectiveSummarySql } from './sql/summaries.sql';
import { relatedPracticesSql } from '../related/related-practices.sql';

/** Default count mode per dimension; regions, kinds and forms have only one sensible mode. */
export function countModeFor(dimension: Dimension, requested?: CountMode): CountMode {
  if (dimension === 'region') return 'all';
  if (dimension === 'pledger-kind' || dimension === 'form') return 'primary';
  return requested ?? (dimension === 'theme' ? 'primary' : 'all');
}

/** Public aggregates: each one SQL statement that returns the finished JSON text. */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(query: StatsQuery, what: string): Promise<string> {
    return runStatsQuery(this.dataSource, query, what);
  }

  headline(cycle?: string) {
    return this.run(headlineSql(cycle ?? null), `Reporting cycle ${cycle}`);
  }

  pledgesBy(dimension: Dimension, mode: CountMode) {
    return this.run(pledgesBySql(dimension, mode), dimension);
  }

  status(cycle?: string) {
    return this.run(statusSql(cycle ?? null), `Reporting cycle ${cycle}`);
  }

  statusTrend() {
    return this.run(statusTrendSql(), 'trend');
  }

  coverage() {
    return this.run(coverageSql(), 'coverage');
  }

  gaps(threshold: number) {
    return this.run(gapsSql(threshold), 'gaps');
  }

  map(cycle?: string) {
    return this.run(mapSql(cycle ?? null), `Reporting cycle ${cycle}`);
  }

  objective(n: number) {
    return this.run(objectiveSummarySql(n), `Objective ${n}`);
  }

  country(alpha3: string) {
    return this.run(countrySummarySql(alpha3), `Country ${alpha3}`);
  }

  relatedPractices(reference: string, limit: number) {
    return this.run(relatedPracticesSql(reference, limit), 'Pledge');
  }
}
