import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One run of the report parser, with what it found and what it warned about (e.g. misquoted objective titles). */
@Entity('practice_import')
export class PracticeImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'varchar', length: 200 })
  sourceFile: string;

  @Column({ type: 'int' })
  sessions: number;

  @Column({ type: 'int' })
  practices: number;

  @Column({ type: 'int' })
  created: number;

  @Column({ type: 'int' })
  updated: number;

  @Column({ type: 'jsonb' })
  warnings: unknown[];
}
