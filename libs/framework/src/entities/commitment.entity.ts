import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Theme } from './theme.entity';

/** An actionable commitment under a theme, coded `T{theme}.C{n}` by bullet order (stable across re-seeding). */
@Entity('commitment')
@Index(['themeNumber', 'position'], { unique: true })
export class Commitment {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'smallint' })
  themeNumber: number;

  @ManyToOne(() => Theme, (t) => t.commitments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'theme_number', referencedColumnName: 'number' })
  theme?: Theme;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  /** Sub-bullets belong to their parent commitment. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  subItems: string[];
}
