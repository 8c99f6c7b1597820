/**
 * WHERE clause from equality filters on columns of `alias` (undefined ones
 * skipped), plus an optional cycle code matched against the end of the
 * report's cycle span, plus fixed conditions.
 */
export function whereClause(
  alias: string,
  filters: Record<string, string | number | boolean | undefined>,
  cycle?: string,
  extra: string[] = [],
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = [...extra];
  for (const [column, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`${alias}.${column} = $${params.length}`);
  }
  if (cycle) {
    params.push(cycle);
    const p = `$${params.length}`;
    where.push(`(${alias}.cycle_key = ${p} OR ${alias}.cycle_key LIKE '%+' || ${p})`);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}
