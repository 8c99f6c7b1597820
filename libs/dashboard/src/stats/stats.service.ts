import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runStatsQuery, runStatsQueryWithProvenance } from './stats-query.runner';
import { coverageSql } from './sql/coverage.sql';
import type { StatsQuery } from './sql/fragments';
import { gapsSql } from './sql/gaps.sql';
import { headlineSql } from './sql/headline.sql';
import { mapSql } from './sql/map.sql';
import { CountMode, Dimension, pledgesBySql } from './sql/pledges-by.sql';
import { statusSql, statusTrendSql } from './sql/status.sql';
import { countrySummarySql, objectiveSummarySql } from './sql/summaries.sql';
import { relatedPracticesSql } from '../related/related-practices.sql';
import { themeAdoption } from '@gcm/platform/pure';
import { CountryAdoptionRows, countryAdoptionSql } from './sql/adoption.sql';
import type { CountryAdoption } from './stats-response.dto';

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

  /** Every /api/v1/stats answer carries the snapshot its figures were read from (see provenance.ts). */
  private run(query: StatsQuery, what: string): Promise<string> {
    return runStatsQueryWithProvenance(this.dataSource, query, what);
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

  /** Progressive adoption across the five themes, cycle by cycle, by the one rule the State report uses (themeAdoption). */
  async countryAdoption(alpha3: string): Promise<string> {
    const rows = JSON.parse(await this.run(countryAdoptionSql(alpha3), `Country ${alpha3}`)) as CountryAdoptionRows & Pick<CountryAdoption, 'provenance'>;
    const cycles = rows.cycles.map((c) => ({ cycle: c.cycle, cycleStatus: c.cycleStatus, ...themeAdoption(c.pledges, rows.framework) }));
    const body: CountryAdoption = {
      totalThemes: new Set(rows.framework.themes).size,
      totalCommitments: new Set(rows.framework.commitments).size,
      cycles: cycles.map(({ cycle, cycleStatus, pledged, reported }) => ({ cycle, cycleStatus, pledged, reported })),
      provenance: rows.provenance,
    };
    return JSON.stringify(body);
  }

  relatedPractices(reference: string, limit: number) {
    return runStatsQuery(this.dataSource, relatedPracticesSql(reference, limit), 'Pledge');
  }
}
