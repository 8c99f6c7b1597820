import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Client } from 'pg';

/**
 * The backup format of `npm run backup` / `npm run restore`: a folder holding
 * `manifest.json` and one gzipped COPY text file per table (`tables/<name>.copy.gz`),
 * all read in one REPEATABLE READ snapshot, plus the embedded Redis's
 * append-only files when the launcher runs that Redis (`redis/`).
 *
 * A logical dump through COPY rather than pg_dump: it needs no client binary of
 * the server's major version (Debian offers pg_dump 15, which refuses the
 * embedded PostgreSQL 18; the Docker image has none), and it restores through
 * the platform's own migrations, so a backup taken by an older version is
 * brought up to date by the migrations it lacks.
 */
export const BACKUP_FORMAT = 'gcm-tracker-backup/1';

export interface TableEntry {
  name: string;
  /** Columns written, in file order (generated columns are left out; PostgreSQL recomputes them). */
  columns: string[];
  rows: number;
  file: string;
  /** SHA-256 of the file as written. */
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: string;
  serverVersion: string;
  /** Names of the migrations applied in the backed-up database, oldest first. */
  migrations: string[];
  tables: TableEntry[];
  redis: { included: boolean; files: { file: string; sha256: string }[]; note?: string };
}

/** Tables the platform's migrations own (the migrations table itself is rebuilt by them). */
export const NOT_BACKED_UP = new Set(['migrations', 'typeorm_metadata']);

export async function userTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  return rows.map((r) => r.name).filter((n) => !NOT_BACKED_UP.has(n));
}

/** The table's stored (not generated) columns in attribute order. */
export async function storedColumns(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [`public."${table}"`],
  );
  return rows.map((r) => r.name);
}

export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unexpected identifier in the backup: ${name}`);
  return `"${name}"`;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolveHash, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolveHash(hash.digest('hex')));
  });
}

/**
 * A fingerprint of a table's content independent of physical order: the row
 * count and an md5 over the rows' text forms, sorted. The backup test compares
 * source and restored databases with it.
 */
export async function tableFingerprint(
  client: Client, table: string, columns: string[], where = 'true',
): Promise<{ rows: number; md5: string }> {
  const list = columns.map(ident).join(', ');
  const { rows } = await client.query<{ rows: string; md5: string | null }>(
    `SELECT count(*)::text AS rows, md5(string_agg(r::text, E'\\n' ORDER BY r::text)) AS md5
       FROM (SELECT ${list} FROM public.${ident(table)} WHERE ${where}) r`,
  );
  return { rows: Number(rows[0].rows), md5: rows[0].md5 ?? '' };
}
