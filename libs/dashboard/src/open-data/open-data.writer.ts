import { once } from 'node:events';
import { neutraliseFormula } from '@gcm/platform';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import type { Dataset, DatasetColumn } from './dataset';

export type OpenDataFormat = 'csv' | 'json';

export const OPEN_DATA_BATCH = 500;

/**
 * Lists become "a; b; c" so one record is one spreadsheet row. Every cell that
 * is text once written (lists of names included: a partner called "=cmd" makes
 * the joined cell start with "=") is neutralised; numbers and booleans are not text.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return neutraliseFormula(value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join('; '));
  if (typeof value === 'object') return neutraliseFormula(JSON.stringify(value));
  return neutraliseFormula(String(value));
}

function jsonRecord<Row>(columns: DatasetColumn<Row>[], row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.name] = c.value(row) ?? null;
  return out;
}

/** Resolves true when the client took the chunk (or drained), false when it went away. */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  const closed = once(res, 'close').then(() => false);
  const drained = once(res, 'drain').then(() => true);
  return Promise.race([drained, closed]);
}

/**
 * Streams a whole dataset batch by batch. Headers go out before the first
 * batch; a failure after that aborts the connection so a client never takes a
 * truncated file for a complete one.
 */
export async function streamDataset<Row>(
  db: DataSource,
  dataset: Dataset<Row>,
  format: OpenDataFormat,
  res: Response,
  batchSize = OPEN_DATA_BATCH,
): Promise<void> {
  const names = dataset.columns.map((c) => c.name);
  let after: string | null = null;
  let first = true;
  try {
    if (format === 'json' && !(await write(res, '['))) return;
    for (;;) {
      const { rows, lastId } = await dataset.batch(db, after, batchSize);
      let chunk: string;
      if (format === 'csv') {
        const cells = rows.map((r) => dataset.columns.map((c) => csvCell(c.value(r))));
        chunk = stringify(cells, { header: first, columns: names });
      } else {
        chunk = rows.map((r, i) => `${first && i === 0 ? '\n' : ',\n'}${JSON.stringify(jsonRecord(dataset.columns, r))}`).join('');
      }
      if (rows.length && first) first = false;
      if (chunk && !(await write(res, chunk))) return;
      if (rows.length < batchSize || lastId === null) break;
      after = lastId;
    }
    if (format === 'json' && !(await write(res, '\n]\n'))) return;
    res.end();
  } catch (err) {
    if (res.headersSent) res.destroy(err as Error);
    throw err;
  }
}
