import { DomainError } from '@gcm/platform';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { StatsQuery } from './sql/fragments';

/**
 * Runs a public aggregate on the pool TypeORM already holds, without a query
 * runner: these are single read-only statements, and on the hottest endpoints
 * the runner's set-up, logging hooks and result mapping cost more than the
 * statement. Returns the JSON text the statement built, or 404 via `what`.
 */
export async function runStatsQuery(dataSource: DataSource, query: StatsQuery, what: string): Promise<string> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const { rows } = await pool.query<{ found: boolean; body: string }>(query.text, query.values);
  if (!rows[0]?.found) throw DomainError.notFound(what);
  return rows[0].body;
}
