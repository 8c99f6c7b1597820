import { Principle } from '@gcm/framework';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

@Entity('pledge_principle')
@Index(['principleKey'])
export class PledgePrinciple {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @PrimaryColumn({ type: 'char', length: 1 })
  principleKey: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @ManyToOne(() => Principle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'principle_key', referencedColumnName: 'key' })
  principle?: Principle;
}
