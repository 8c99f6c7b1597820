import { Organisation } from '@gcm/accounts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportingCycle } from './reporting-cycle.entity';

export const EXTENSION_STATUSES = ['requested', 'granted', 'declined'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/**
 * An organisation's request for more time in one cycle, and the secretariat's
 * decision. A granted one moves that organisation's deadline (SQL
 * `organisation_deadline`), which late flags, reminders and reports use. At
 * most one live (requested or granted) per organisation and cycle; after a
 * decline the organisation may ask again.
 */
@Entity('deadline_extension')
@Index('uq_deadline_extension_live', ['cycleId', 'organisationId'], { unique: true, where: `"status" IN ('requested', 'granted')` })
@Index(['status'])
@Check('ck_deadline_extension_status', `"status" IN ('requested', 'granted', 'declined')`)
@Check('ck_deadline_extension_granted', `"status" <> 'granted' OR "deadline" IS NOT NULL`)
export class DeadlineExtension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 12, default: 'requested' })
  status: ExtensionStatus;

  @Column({ type: 'text' })
  reason: string;

  /** The date the focal point asked for, if any. */
  @Column({ type: 'date', nullable: true })
  requestedDeadline: string | null;

  /** The organisation's deadline once granted (UTC, inclusive, like the cycle's). */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'text', nullable: true })
  decisionComment: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
