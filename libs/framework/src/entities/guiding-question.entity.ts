import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Objective } from './objective.entity';
import { RoundTable } from './round-table.entity';

/**
 * A question put to an IMRF round table on one of its objectives (seed 003,
 * section 3, for RT2). Edited by the secretariat like the rest of the
 * catalogue: each edit makes a new framework version whose snapshot holds the
 * questions as they then stood.
 */
@Entity('guiding_question')
@Index(['roundTableCode', 'objectiveNumber', 'position'])
export class GuidingQuestion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  roundTableCode: string;

  @ManyToOne(() => RoundTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_table_code', referencedColumnName: 'code' })
  roundTable?: RoundTable;

  @Column({ type: 'smallint' })
  objectiveNumber: number;

  @ManyToOne(() => Objective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_number', referencedColumnName: 'number' })
  objective?: Objective;

  /** 1-based order among the questions on the same objective. */
  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 1000 })
  text: string;

  /** Where the text comes from: the background note it was parsed from, or the secretariat. */
  @Column({ type: 'varchar', length: 100 })
  source: string;
}
