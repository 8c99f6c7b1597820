import { ApiProperty } from '@nestjs/swagger';

/**
 * Where a public figure comes from (issue 16 item 7). The dashboards'
 * snapshot is the number of committed transactions that changed public data
 * (public_data_change: one row each, written by stats_notify, older rows
 * folded into one weighted row every so often — migration 1800200000000 — so
 * the number is `sum(weight)` over a few hundred rows at most), read in the
 * same statement as the figures: the same snapshot id always goes with the
 * same figures, and every publication, withdrawal, validation or cycle
 * compilation moves it. Being a count, a larger id is a later snapshot.
 */
export class DataProvenance {
  @ApiProperty({ format: 'date-time', description: 'When the public data these figures were computed from last changed (ISO 8601, UTC).' })
  dataAsOf: string;
  @ApiProperty({ description: 'The snapshot the figures were computed from: the same id, the same figures.' })
  snapshotId: string;
}

/** One row: `snapshot_id`, `data_as_of` — as a sub-select, to join into the statement that computes the figures. */
export const PROVENANCE_SQL = `SELECT (SELECT coalesce(sum(weight), 0) FROM public_data_change)::text AS snapshot_id,
  to_char((SELECT max(changed_at) FROM public_data_change) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS data_as_of`;

export interface ProvenanceRow {
  snapshot_id: string;
  data_as_of: string | null;
}

export function provenanceOf(row: ProvenanceRow): DataProvenance {
  return { dataAsOf: row.data_as_of ?? new Date(0).toISOString(), snapshotId: row.snapshot_id };
}

/** The JSON object text `body` with a `provenance` member added, without parsing it. */
export function withProvenance(body: string, provenance: DataProvenance): string {
  const end = body.lastIndexOf('}');
  if (!body.trimStart().startsWith('{') || end < 0) throw new Error('a public aggregate must be a JSON object');
  const inner = body.slice(body.indexOf('{') + 1, end).trim();
  return `{${inner}${inner ? ',' : ''}"provenance":${JSON.stringify(provenance)}}`;
}
