import { User } from '@gcm/accounts';
import { Objective, Theme } from '@gcm/framework';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const EXPERT_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'published'] as const;
export type ExpertReportStatus = (typeof EXPERT_REPORT_STATUSES)[number];

/**
 * A challenge report filed by an expert (rapporteur, UN agency, NGO,
 * academic watchdog) on one ICMPD theme or one GCM objective for a year:
 * draft → submitted → published, or submitted → returned → submitted… Only
 * published ones are public and reach the IMRF summary.
 */
@Entity('expert_report')
@Index(['status', 'year'])
@Index(['authorId'])
@Check('ck_expert_report_status', `"status" IN ('draft', 'submitted', 'returned', 'published')`)
@Check('ck_expert_report_subject', 'num_nonnulls("theme_number", "objective_number") = 1')
@Check('ck_expert_report_year', '"year" BETWEEN 2018 AND 2100')
export class ExpertReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  /** How the report is signed, e.g. "Special Rapporteur on the human rights of migrants"; defaults to the author's organisation. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  mandate: string | null;

  @Column({ type: 'smallint', nullable: true })
  themeNumber: number | null;

  @ManyToOne(() => Theme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'theme_number', referencedColumnName: 'number' })
  theme?: Theme;

  @Column({ type: 'smallint', nullable: true })
  objectiveNumber: number | null;

  @ManyToOne(() => Objective, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'objective_number', referencedColumnName: 'number' })
  objective?: Objective;

  @Column({ type: 'smallint' })
  year: number;

  /** BCP 47 tag of the language the report is written in (never machine-translated). */
  @Column({ type: 'varchar', length: 35, default: 'en' })
  language: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: ExpertReportStatus;

  /** The secretariat's reason when it returns the report. */
  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  /** Optimistic concurrency: every write bumps it; a stale one gets 409. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by' })
  publisher?: User;
}
