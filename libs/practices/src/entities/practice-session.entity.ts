import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { PracticeSessionObjective } from './practice-session-objective.entity';

/** A dialogue session of IDM 2022 (Red Book No. 33); practices are grouped under sessions. */
@Entity('practice_session')
export class PracticeSession {
  @PrimaryColumn({ type: 'smallint' })
  number: number;

  /** The report's own numbering, e.g. `2.1`. */
  @Column({ type: 'varchar', length: 8, unique: true })
  code: string;

  @Column({ type: 'smallint' })
  part: number;

  @Column({ type: 'varchar', length: 400 })
  title: string;

  @OneToMany(() => PracticeSessionObjective, (o) => o.session)
  objectives?: PracticeSessionObjective[];
}
