import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PracticeSession } from './practice-session.entity';

/** A GCM objective quoted by a session, matched by number; the quoted title is kept as printed. */
@Entity('practice_session_objective')
export class PracticeSessionObjective {
  @PrimaryColumn({ type: 'smallint' })
  sessionNumber: number;

  @PrimaryColumn({ type: 'smallint' })
  objectiveNumber: number;

  @Column({ type: 'varchar', length: 400 })
  quotedTitle: string;

  @ManyToOne(() => PracticeSession, (s) => s.objectives, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_number', referencedColumnName: 'number' })
  session?: PracticeSession;
}
