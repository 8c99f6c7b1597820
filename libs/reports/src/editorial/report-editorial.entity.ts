import { User } from '@gcm/accounts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ReportVersion } from '../runs/entities/report-version.entity';

/** The commentary on one section: sanitised HTML, as the editor loads it again. */
export interface StoredCommentary {
  sectionId: string;
  html: string;
}

/**
 * The secretariat's editorial text of one report version: an introduction and
 * a commentary per section. Beside the version, never inside its model, so the
 * data stays pinned to the snapshot; `version` is the optimistic-concurrency
 * counter and every save is also kept as a revision.
 */
@Entity('report_editorial')
export class ReportEditorial {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @OneToOne(() => ReportVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  reportVersion?: ReportVersion;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'text', default: '' })
  introduction: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  commentary: StoredCommentary[];

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by' })
  updater?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Every save of a version's editorial text, numbered as the row's `version` was after it. */
@Entity('report_editorial_revision')
export class ReportEditorialRevision {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @PrimaryColumn({ type: 'int' })
  revision: number;

  @ManyToOne(() => ReportVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  reportVersion?: ReportVersion;

  @Column({ type: 'text' })
  introduction: string;

  @Column({ type: 'jsonb' })
  commentary: StoredCommentary[];

  /** Set when the text was carried forward from an earlier version. */
  @Column({ type: 'uuid', nullable: true })
  carriedFrom: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
