import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each catalogue edit creates a version holding a full snapshot, so what was
 * reported against version N can always be read as it was.
 */
@Entity('framework_version')
export class FrameworkVersion {
  @PrimaryColumn({ type: 'int' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'jsonb' })
  snapshot: unknown;
}
