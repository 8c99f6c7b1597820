import { ImplementationStatus, Pledge } from '@gcm/pledges';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { UpdateEditorialStatus } from '../domain/lifecycle';
import { ReportingCycle } from './reporting-cycle.entity';

export interface PartnerContribution {
  organisationId: string | null;
  /** The organisation's name at the time, or the free-text name. */
  name: string;
  contribution: string;
}

/** The one progress report of a pledge in a cycle (the unique constraint enforces "one"). */
@Entity('progress_update')
@Unique('uq_progress_update_pledge_cycle', ['pledgeId', 'cycleId'])
@Index(['cycleId', 'editorialStatus'])
@Index(['editorialStatus'])
@Check('ck_progress_update_percent', '"percent_complete" BETWEEN 0 AND 100')
export class ProgressUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  /** Implementation status reported: not_started | on_track | delayed | achieved | discontinued. */
  @Column({ type: 'varchar', length: 16 })
  status: ImplementationStatus;

  @Column({ type: 'smallint' })
  percentComplete: number;

  /** BCP 47 tag of the language the narrative is written in (never machine-translated). */
  @Column({ type: 'varchar', length: 35, default: 'en' })
  language: string;

  @Column({ type: 'text', default: '' })
  actionsTaken: string;

  @Column({ type: 'text', default: '' })
  challenges: string;

  @Column({ type: 'text', default: '' })
  nextSteps: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  partnerContributions: PartnerContribution[];

  /** draft | awaiting_approval | submitted | validated | returned. Only validated updates are public. */
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  editorialStatus: UpdateEditorialStatus;

  /** Submitted after the end of the cycle's deadline day (UTC); set at submission. */
  @Column({ type: 'boolean', default: false })
  isLate: boolean;

  /** Submitted after the cycle's deadline but by the organisation's extended one (reports say "included after extension"). */
  @Column({ type: 'boolean', default: false })
  afterExtension: boolean;

  /** A "no change since last cycle" reconfirmation, copied from the previous update. */
  @Column({ type: 'boolean', default: false })
  noChange: boolean;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  validatedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  validatedBy: string | null;

  /** The plausibility warnings' codes as the secretariat saw them when validating (one per warning); null before validation. */
  @Column({ type: 'jsonb', nullable: true })
  validatedWarnings: string[] | null;
}
