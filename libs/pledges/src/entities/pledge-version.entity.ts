import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PledgeSnapshot } from '../domain/pledge-content';
import { Pledge } from './pledge.entity';

/** One submission of a pledge, frozen: never updated (the service only inserts). */
@Entity('pledge_version')
@Index(['pledgeId', 'number'], { unique: true })
export class PledgeVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  /** 1, 2, 3… per pledge. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'jsonb' })
  snapshot: PledgeSnapshot;

  @Column({ type: 'int' })
  frameworkVersion: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;
}
