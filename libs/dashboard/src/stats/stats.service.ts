import { Injectable } from '@nestjs/common';
import { currentLocale } from '@gcm/platform';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { SOURCE_LOCALE, type TranslationRow } from '@gcm/platform/pure';
import { STATS_TRANSLATED_KINDS, StatsLocaliser } from './stats-localise';
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

  /**
   * An aggregate in the request's language (StatsLocaliser): English is the
   * SQL's text as built; another language reads the catalogue translations
   * with it. The cache key carries the language (publicCacheKey), so each
   * language's body is computed and kept apart.
   */
  private async localised(query: StatsQuery, what: string, localise: (l: StatsLocaliser, body: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
    const locale = currentLocale();
    if (locale === SOURCE_LOCALE) return this.run(query, what);
    const [body, rows] = await Promise.all([this.run(query, what), this.translations(locale)]);
    return JSON.stringify(localise(new StatsLocaliser(locale, rows), JSON.parse(body) as Record<string, unknown>));
  }

  private async translations(locale: string): Promise<TranslationRow[]> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const { rows } = await pool.query<TranslationRow>(
      `SELECT entity_kind AS "entityKind", code, field, locale, text, source FROM catalogue_translation
        WHERE locale = $1 AND entity_kind = ANY ($2)`, [locale, STATS_TRANSLATED_KINDS]);
    return rows;
  }

  headline(cycle?: string) {
    return this.run(headlineSql(cycle ?? null), `Reporting cycle ${cycle}`);
  }

  pledgesBy(dimension: Dimension, mode: CountMode) {
    return this.localised(pledgesBySql(dimension, mode), dimension, (l, b) => l.pledgesBy(dimension, b));
  }

  status(cycle?: string) {
    return this.run(statusSql(cycle ?? null), `Reporting cycle ${cycle}`);
  }

  statusTrend() {
    return this.run(statusTrendSql(), 'trend');
  }

  coverage() {
    return this.localised(coverageSql(), 'coverage', (l, b) => l.coverage(b));
  }

  gaps(threshold: number) {
    return this.localised(gapsSql(threshold), 'gaps', (l, b) => l.gaps(b));
  }

  map(cycle?: string) {
    return this.localised(mapSql(cycle ?? null), `Reporting cycle ${cycle}`, (l, b) => l.mapStats(b));
  }

  objective(n: number) {
    return this.localised(objectiveSummarySql(n), `Objective ${n}`, (l, b) => l.objectiveSummary(b));
  }

  country(alpha3: string) {
    return this.localised(countrySummarySql(alpha3), `Country ${alpha3}`, (l, b) => l.countrySummary(b));
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
