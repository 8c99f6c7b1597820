import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { IndicatorDirection } from '../domain/pledge-content';
import { Pledge } from './pledge.entity';

/**
 * A published indicator. Its id is kept across revisions; one dropped by a
 * later version becomes inactive rather than deleted, so measurements already
 * reported against it keep their meaning.
 */
@Entity('pledge_indicator')
@Index(['pledgeId', 'active'])
export class PledgeIndicator {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  unit: string;

  @Column({ type: 'varchar', length: 10 })
  direction: IndicatorDirection;

  @Column({ type: 'numeric' })
  baselineValue: string;

  @Column({ type: 'date' })
  baselineDate: string;

  @Column({ type: 'numeric' })
  targetValue: string;

  @Column({ type: 'date' })
  targetDate: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  sdgIndicator: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
