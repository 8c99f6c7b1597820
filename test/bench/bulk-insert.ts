import type { Client } from 'pg';

export type Column = [name: string, pgType: string];

/**
 * Multi-row INSERT of column arrays through unnest(): one statement per
 * `batch` rows, every value a bound parameter, no per-row round trip.
 */
export async function bulkInsert(client: Client, table: string, columns: Column[], rows: unknown[][], batch = 5000): Promise<void> {
  const names = columns.map(([n]) => n).join(', ');
  const params = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${params})`;
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    await client.query(sql, columns.map((_, i) => slice.map((r) => r[i])));
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so every run loads the same data set. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
