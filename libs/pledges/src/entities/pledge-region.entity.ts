import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

/** An M49 region, sub-region or intermediate region (or 001, the world) named in a published pledge's scope. */
@Entity('pledge_region')
@Index(['regionM49'])
export class PledgeRegion {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @PrimaryColumn({ type: 'char', length: 3 })
  regionM49: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;
}
