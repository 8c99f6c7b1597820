import { User } from '@gcm/accounts';
import { LOCALES, type Locale } from '@gcm/platform';
import { ReportingCycle } from '@gcm/reporting';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportDocument } from '../../model/document.types';
import type { ReportKind } from '../../model/report-kind.types';

/**
 * A report as built from one data snapshot. The snapshot hash (SHA-256 of the
 * canonical input) is part of the key, so rebuilding unchanged data finds the
 * existing row, and changed data makes version n + 1. Never updated except to
 * publish.
 */
@Entity('report_version')
@Check('ck_report_version_language', `"language" IN (${LOCALES.map((l) => `'${l}'`).join(', ')})`)
@Index('uq_report_version_snapshot', ['kind', 'scope', 'cycleKey', 'language', 'snapshotHash'], { unique: true })
@Index('uq_report_version_number', ['kind', 'scope', 'cycleKey', 'language', 'number'], { unique: true })
@Index('ix_report_version_published', ['publishedAt'], { where: '"published_at" IS NOT NULL' })
@Index(['cycleId', 'kind'])
export class ReportVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ReportKind;

  @Column({ type: 'varchar', length: 40 })
  scope: string;

  @Column({ type: 'varchar', length: 200 })
  cycleKey: string;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  @Column({ type: 'uuid', array: true })
  cycleIds: string[];

  /** The language of the edition; the same report in another language is another version, numbered on its own. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language: Locale;

  @Column({ type: 'char', length: 64 })
  snapshotHash: string;

  /** 1, 2, 3… per kind + scope + cycles + language. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  /** The document model every format was rendered from. */
  @Column({ type: 'jsonb', select: false })
  model: ReportDocument;

  /** The run that built it first. */
  @Column({ type: 'uuid', nullable: true })
  builtByRunId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by' })
  publisher?: User;

  /** The editorial revision its published files carry (null: published without editorial text). */
  @Column({ type: 'int', nullable: true })
  editorialRevision: number | null;
}
