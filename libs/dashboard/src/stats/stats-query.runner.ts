import { DomainError } from '@gcm/platform';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { StatsQuery } from './sql/fragments';
import { PROVENANCE_SQL, provenanceOf, ProvenanceRow, withProvenance } from './provenance';

const pool = (dataSource: DataSource) => (dataSource.driver as PostgresDriver).master as Pool;

/**
 * Runs a public aggregate on the pool TypeORM already holds, without a query
 * runner: these are single read-only statements, and on the hottest endpoints
 * the runner's set-up, logging hooks and result mapping cost more than the
 * statement. Returns the JSON text the statement built, or 404 via `what`.
 */
export async function runStatsQuery(dataSource: DataSource, query: StatsQuery, what: string): Promise<string> {
  const { rows } = await pool(dataSource).query<{ found: boolean; body: string }>(query.text, query.values);
  if (!rows[0]?.found) throw DomainError.notFound(what);
  return rows[0].body;
}

/** `query` with the snapshot's columns (PROVENANCE_SQL) joined in: one statement, one database snapshot. */
export function withProvenanceQuery(query: StatsQuery): StatsQuery {
  return { text: `SELECT s.found, s.body, p.snapshot_id, p.data_as_of FROM (${query.text}) s CROSS JOIN (${PROVENANCE_SQL}) p`, values: query.values };
}

/** The answer's JSON text from a row of withProvenanceQuery: the figures with `provenance` added. */
export function provenanceBody(row: { body: string } & ProvenanceRow): string {
  return withProvenance(row.body, provenanceOf(row));
}

/**
 * The same, with the snapshot the figures were read from (see provenance.ts)
 * added to the JSON object as `provenance`: read by the same statement, so
 * from the same database snapshot as the figures.
 */
export async function runStatsQueryWithProvenance(dataSource: DataSource, query: StatsQuery, what: string): Promise<string> {
  const q = withProvenanceQuery(query);
  const { rows } = await pool(dataSource).query<{ found: boolean; body: string } & ProvenanceRow>(q.text, q.values);
  if (!rows[0]?.found) throw DomainError.notFound(what);
  return provenanceBody(rows[0]);
}

/** The current snapshot on its own (open-data downloads, which read in several statements). */
export async function currentProvenance(dataSource: DataSource) {
  const { rows } = await pool(dataSource).query<ProvenanceRow>(PROVENANCE_SQL);
  return provenanceOf(rows[0]);
}
