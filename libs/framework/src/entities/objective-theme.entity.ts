import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Objective } from './objective.entity';
import { Theme } from './theme.entity';

/** The crosswalk: many-to-many, exactly one primary theme per objective (partial unique index). */
@Entity('objective_theme')
@Index('uq_objective_theme_primary', ['objectiveNumber'], { unique: true, where: '"is_primary"' })
export class ObjectiveTheme {
  @PrimaryColumn({ type: 'smallint' })
  objectiveNumber: number;

  @PrimaryColumn({ type: 'smallint' })
  themeNumber: number;

  @Column({ type: 'boolean', default: false })
  isPrimary: boolean;

  @ManyToOne(() => Objective, (o) => o.themes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_number', referencedColumnName: 'number' })
  objective?: Objective;

  @ManyToOne(() => Theme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'theme_number', referencedColumnName: 'number' })
  theme?: Theme;
}
