import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProgressUpdate } from './progress-update.entity';

/** The secretariat's decision on a submitted update; the comment is for the owner organisation only. */
@Entity('progress_update_review')
@Index(['updateId', 'createdAt'])
export class ProgressUpdateReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  updateId: string;

  @ManyToOne(() => ProgressUpdate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: ProgressUpdate;

  @Column({ type: 'varchar', length: 16 })
  decision: 'validated' | 'returned';

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
