import { Objective } from '@gcm/framework';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

/**
 * Published alignment, one row per objective. The primary key leads with
 * pledge_id (reads of one pledge); the index on the code serves public filters
 * and the dashboard GROUP BY. Same shape for the other pledge_* code tables.
 */
@Entity('pledge_objective')
@Index(['objectiveNumber'])
@Index('uq_pledge_objective_primary', ['pledgeId'], { unique: true, where: '"is_primary"' })
export class PledgeObjective {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @PrimaryColumn({ type: 'smallint' })
  objectiveNumber: number;

  @Column({ type: 'boolean', default: false })
  isPrimary: boolean;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @ManyToOne(() => Objective, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'objective_number', referencedColumnName: 'number' })
  objective?: Objective;
}
