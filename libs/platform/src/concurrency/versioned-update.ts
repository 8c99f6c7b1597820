import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { staleVersion } from './if-match';

/** A row under optimistic concurrency: table `version` column, keyed by `keyColumn` (default `id`). */
export interface VersionedRow {
  /** Table name, e.g. `progress_update`. */
  table: string;
  /** What a user calls it in the 409 message, e.g. `progress update`. */
  what: string;
  key: string;
  keyColumn?: string;
  /** Also set `updated_at = now()` (default true; some tables have no such column). */
  touch?: boolean;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * `UPDATE … SET <set>, version = version + 1 WHERE key AND version = expected`:
 * of writers that read the same version exactly one wins, the others get 409
 * with the version that won. `set` may use `$3…` for `params` ($1 is the key,
 * $2 the expected version). Returns the updated row when `returning` is given.
 */
export async function updateVersioned<T = unknown>(
  m: EntityManager, row: VersionedRow, expected: number, set = '', params: unknown[] = [], returning?: string,
): Promise<T> {
  const keyColumn = row.keyColumn ?? 'id';
  if (!IDENT.test(row.table) || !IDENT.test(keyColumn)) throw new Error(`updateVersioned: bad identifier ${row.table}.${keyColumn}`);
  const assignments = [set, 'version = version + 1', row.touch === false ? '' : 'updated_at = now()'].filter(Boolean).join(', ');
  // TypeORM answers a raw UPDATE with [rows, affected].
  const [rows, affected] = await m.query(
    `UPDATE ${row.table} SET ${assignments} WHERE ${keyColumn} = $1 AND version = $2${returning ? ` RETURNING ${returning}` : ''}`,
    [row.key, expected, ...params],
  );
  if (affected !== 1) throw await conflict(m, row, expected);
  return (returning ? rows[0] : undefined) as T;
}

/**
 * The same rule through TypeORM's query builder, for writes whose values are
 * entity properties (jsonb documents, enums): `set` uses property names.
 */
export async function updateVersionedEntity<E extends ObjectLiteral>(
  m: EntityManager, entity: EntityTarget<E>, row: VersionedRow, expected: number, set: Record<string, unknown>,
): Promise<void> {
  const res = await m
    .createQueryBuilder()
    .update(entity)
    .set({ ...set, version: () => 'version + 1', ...(row.touch === false ? {} : { updatedAt: () => 'now()' }) } as never)
    .where(`${row.keyColumn ?? 'id'} = :key AND version = :expected`, { key: row.key, expected })
    .execute();
  if (res.affected !== 1) throw await conflict(m, row, expected);
}

/** The 409 of a lost race, naming the version that won (or the one expected when the row is gone). */
async function conflict(m: EntityManager, row: VersionedRow, expected: number) {
  const [current] = await m.query(`SELECT version FROM ${row.table} WHERE ${row.keyColumn ?? 'id'} = $1`, [row.key]);
  return staleVersion(row.what, current?.version ?? expected);
}
