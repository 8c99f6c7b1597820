import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

export type PledgeReviewDecision = 'published' | 'returned';

/** The secretariat's decision on a submitted version; the comment is for the owner organisation only. */
@Entity('pledge_review')
@Index(['pledgeId', 'createdAt'])
export class PledgeReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @Column({ type: 'int' })
  versionNumber: number;

  @Column({ type: 'varchar', length: 16 })
  decision: PledgeReviewDecision;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
