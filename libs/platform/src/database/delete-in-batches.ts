import type { DataSource } from 'typeorm';

/**
 * Runs `sql` — a `DELETE … WHERE … IN (SELECT … LIMIT <last parameter>) RETURNING 1` — until a batch comes back
 * short, so a large backlog never holds long locks; returns how many rows went. The batch size is appended as the
 * last parameter. Counted in SQL: TypeORM answers a bare DELETE … RETURNING with [rows, count].
 */
export async function deleteInBatches(dataSource: DataSource, sql: string, params: unknown[], batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ n }]: { n: number }[] = await dataSource.query(`WITH deleted AS (${sql}) SELECT count(*)::int AS n FROM deleted`, [...params, batch]);
    total += n;
    if (n < batch) return total;
  }
}
