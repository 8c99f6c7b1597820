import { Commitment } from '@gcm/framework';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

@Entity('pledge_commitment')
@Index(['commitmentCode'])
export class PledgeCommitment {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  commitmentCode: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @ManyToOne(() => Commitment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commitment_code', referencedColumnName: 'code' })
  commitment?: Commitment;
}
