import { Organisation, User } from '@gcm/accounts';
import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn,
} from 'typeorm';
import type { PledgeContent, PledgeForm } from '../domain/pledge-content';
import type { ImplementationStatus, PledgeStatus } from '../domain/pledge-status';

/**
 * A pledge has two faces. `working` (jsonb) is the owner's copy, edited and
 * frozen into a `pledge_version` at each submission. The content columns below
 * it and the pledge_* join tables hold the PUBLISHED version only: they are
 * written at publication and stay empty until then, so every public read and
 * every aggregate can use them without ever touching unpublished data.
 */
@Entity('pledge')
@Index(['leadOrganisationId'])
@Index(['status'])
@Index('ix_pledge_published', ['publishedVersion'], { where: '"published_version" IS NOT NULL' })
@Check('ck_pledge_target_after_start', '"target_date" >= "start_date"')
@Check('ck_pledge_budget_positive', '"budget_amount" >= 0')
export class Pledge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `GCM-P-{year}-{seq}`, from the pledge_reference_seq sequence. */
  @Column({ type: 'varchar', length: 24, unique: true })
  reference: string;

  @Column({ type: 'uuid' })
  leadOrganisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_organisation_id' })
  leadOrganisation?: Organisation;

  /** Editorial status of the working copy: draft | submitted | returned | published | withdrawn. */
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: PledgeStatus;

  @Column({ type: 'jsonb' })
  working: PledgeContent;

  /** Optimistic concurrency: every owner or review write bumps it; it is the ETag. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** Private contact person: never public, never in a version snapshot. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  /**
   * The focal point in charge of the pledge within its organisation's team (every focal point of the
   * organisation sees and may report on it); a handover moves it. Null: the team as a whole (the creator).
   */
  @Column({ type: 'uuid', nullable: true })
  responsibleUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responsible_user_id' })
  responsibleUser?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Last change of the working copy or status (owner-facing). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  // ---- the published face ----

  /** Number of the pledge_version the public sees; null until first publication. */
  @Column({ type: 'int', nullable: true })
  publishedVersion: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstPublishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Last change the public can see (publication, withdrawal, implementation status). */
  @Column({ type: 'timestamptz', nullable: true })
  publicUpdatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;

  /** From the latest validated progress update (by cycle period). */
  @Column({ type: 'varchar', length: 16, default: 'not_started' })
  implementationStatus: ImplementationStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** BCP 47 tag of the language the published title and description are written in (never machine-translated). */
  @Column({ type: 'varchar', length: 35, nullable: true })
  language: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  form: PledgeForm | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  matchingPledgeRef: string | null;

  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Column({ type: 'date', nullable: true })
  targetDate: string | null;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true })
  budgetAmount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  budgetCurrency: string | null;

  @Column({ type: 'int', nullable: true })
  frameworkVersion: number | null;

  @Column({ type: 'boolean', default: false })
  themesOverridden: boolean;

  /** English full-text vector of the published title and description, kept by a trigger (see pledge-search migration). */
  @Index('ix_pledge_search', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  search?: string;
}
