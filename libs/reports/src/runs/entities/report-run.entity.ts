import { User } from '@gcm/accounts';
import { LOCALES, type Locale } from '@gcm/platform';
import { ReportingCycle } from '@gcm/reporting';
import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn,
} from 'typeorm';
import type { ReportKind } from '../../model/report-kind.types';
import { ReportVersion } from './report-version.entity';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const ACTIVE_RUN_STATUSES: RunStatus[] = ['queued', 'running'];

/**
 * One request to build a report, and what became of it. Its BullMQ job has
 * the run's id as job id. At most one run per report key is active (the
 * partial unique index), so a burst of identical requests shares one run.
 */
@Entity('report_run')
@Index('uq_report_run_active', ['kind', 'scope', 'cycleKey', 'language'], { unique: true, where: `"status" IN ('queued', 'running')` })
@Index(['status', 'createdAt'])
@Index(['cycleId', 'kind'])
@Index(['flowId'])
@Check('ck_report_run_language', `"language" IN (${LOCALES.map((l) => `'${l}'`).join(', ')})`)
@Check('ck_report_run_status', `"status" IN ('queued', 'running', 'completed', 'failed', 'cancelled')`)
@Check('ck_report_run_kind', `"kind" IN ('state', 'objective', 'theme', 'region', 'round_table', 'imrf_summary')`)
@Check('ck_report_run_failure_kind', `"failure_kind" IN ('infra', 'build')`)
@Check('ck_report_run_progress', '"progress" BETWEEN 0 AND 100')
export class ReportRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ReportKind;

  /** `FRA` (a State) or an organisation id, `8`, `T2`, `002`, `RT2`, `global`. */
  @Column({ type: 'varchar', length: 40 })
  scope: string;

  /** The cycle codes covered, joined by `+` (`2026-H1`, or `2025-H1+2025-H2` for a span). */
  @Column({ type: 'varchar', length: 200 })
  cycleKey: string;

  /** The last cycle of the span: the one the report is "for". */
  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  /** Every cycle of the span, oldest first. */
  @Column({ type: 'uuid', array: true })
  cycleIds: string[];

  /** The report's language: headings, labels and notes (one of the six). */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language: Locale;

  @Column({ type: 'varchar', length: 12, default: 'queued' })
  status: RunStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Of a failed run: `infra` (the database or Redis stayed unreachable past the retry window) or `build` (a real error). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  failureKind: 'infra' | 'build' | null;

  /** Times a worker started it (retries and crash recoveries included). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** `cycle-<cycle id>` for the runs enqueued together when a cycle closed. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  flowId: string | null;

  /** The summary run a flow child belongs to. */
  @Column({ type: 'uuid', nullable: true })
  parentRunId: string | null;

  @ManyToOne(() => ReportRun, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_run_id' })
  parentRun?: ReportRun;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by' })
  requester?: User;

  @Column({ type: 'uuid', nullable: true })
  versionId: string | null;

  @ManyToOne(() => ReportVersion, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'version_id' })
  version?: ReportVersion;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
