import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProgressUpdate } from './progress-update.entity';

/** One submission of an update, frozen (insert-only), so every change stays readable. */
@Entity('progress_update_version')
@Index(['updateId', 'number'], { unique: true })
export class ProgressUpdateVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  updateId: string;

  @ManyToOne(() => ProgressUpdate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: ProgressUpdate;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'jsonb' })
  snapshot: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;
}
