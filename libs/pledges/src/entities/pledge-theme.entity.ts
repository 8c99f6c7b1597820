import { Theme } from '@gcm/framework';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

@Entity('pledge_theme')
@Index(['themeNumber'])
@Index('uq_pledge_theme_primary', ['pledgeId'], { unique: true, where: '"is_primary"' })
export class PledgeTheme {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @PrimaryColumn({ type: 'smallint' })
  themeNumber: number;

  /** The primary theme of the primary objective: roll-ups by theme count a pledge once, there. */
  @Column({ type: 'boolean', default: false })
  isPrimary: boolean;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @ManyToOne(() => Theme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'theme_number', referencedColumnName: 'number' })
  theme?: Theme;
}
