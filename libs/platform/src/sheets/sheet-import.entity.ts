import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { EntityManager } from 'typeorm';

/**
 * An upload that was imported: the same file (by SHA-256) for the same
 * target is answered from here and changes nothing the second time.
 */
@Entity('sheet_import')
@Unique('uq_sheet_import_file', ['kind', 'scope', 'sha256'])
export class SheetImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** cycle_workbook | pledge_import */
  @Column({ type: 'varchar', length: 24 })
  kind: string;

  /** What the file was imported into, e.g. `<organisation id>/2026-H2`. */
  @Column({ type: 'varchar', length: 120 })
  scope: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'uuid' })
  importedBy: string;

  /** The answer given for the import, replayed for the same file. */
  @Column({ type: 'jsonb' })
  result: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export async function priorSheetImport<T>(m: EntityManager, kind: string, scope: string, sha256: string): Promise<T | null> {
  const [row] = await m.query('SELECT result FROM sheet_import WHERE kind = $1 AND scope = $2 AND sha256 = $3', [kind, scope, sha256]);
  return row ? (row.result as T) : null;
}

/** Recorded in the import's transaction; a concurrent upload of the same file meets the unique key and is refused (409). */
export async function recordSheetImport(m: EntityManager, row: { kind: string; scope: string; sha256: string; importedBy: string; result: unknown }): Promise<void> {
  await m.query('INSERT INTO sheet_import (kind, scope, sha256, imported_by, result) VALUES ($1, $2, $3, $4, $5)', [
    row.kind, row.scope, row.sha256, row.importedBy, JSON.stringify(row.result),
  ]);
}
