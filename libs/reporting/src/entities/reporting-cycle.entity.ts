import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CycleStatus } from '../domain/lifecycle';

/** A reporting period (e.g. 2026-H1) with its submission window and deadline. */
@Entity('reporting_cycle')
@Index(['status'])
@Index(['periodStart'])
@Check('ck_reporting_cycle_period', '"period_end" >= "period_start"')
@Check('ck_reporting_cycle_deadline', '"deadline" >= "period_end" AND "deadline" >= "window_opens"')
export class ReportingCycle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16, unique: true })
  code: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'date' })
  windowOpens: string;

  /** Last day (UTC, inclusive) for an on-time submission; later ones are accepted and flagged late. */
  @Column({ type: 'date' })
  deadline: string;

  /** scheduled | open | closed | compiled | compiled_with_failures. */
  @Column({ type: 'varchar', length: 24, default: 'scheduled' })
  status: CycleStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  compiledAt: Date | null;
}
