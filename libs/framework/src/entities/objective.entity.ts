import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { RoundTable } from './round-table.entity';
import { ObjectiveTheme } from './objective-theme.entity';

@Entity('objective')
export class Objective {
  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 100 })
  shortLabel: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  roundTableCode: string | null;

  @ManyToOne(() => RoundTable, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'round_table_code', referencedColumnName: 'code' })
  roundTable?: RoundTable;

  @OneToMany(() => ObjectiveTheme, (ot) => ot.objective)
  themes?: ObjectiveTheme[];
}
