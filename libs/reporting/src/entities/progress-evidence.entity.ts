import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EvidenceBlob } from './evidence-blob.entity';
import { ProgressUpdate } from './progress-update.entity';

/** Evidence for an update: a link (http/https) or an uploaded file, each with a title. */
@Entity('progress_evidence')
@Index(['updateId'])
@Index(['fileSha256'])
@Check('ck_progress_evidence_kind', `("kind" = 'url' AND "url" IS NOT NULL AND "file_sha256" IS NULL) OR ("kind" = 'file' AND "file_sha256" IS NOT NULL AND "url" IS NULL)`)
export class ProgressEvidence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  updateId: string;

  @ManyToOne(() => ProgressUpdate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: ProgressUpdate;

  @Column({ type: 'varchar', length: 4 })
  kind: 'url' | 'file';

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  fileSha256: string | null;

  @ManyToOne(() => EvidenceBlob, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_sha256', referencedColumnName: 'sha256' })
  blob?: EvidenceBlob;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contentType: string | null;

  @Column({ type: 'int', nullable: true })
  sizeBytes: number | null;

  /** The last evidence-link check (the worker's job), for links only: when, what it found, the HTTP status, why it failed. */
  @Column({ type: 'timestamptz', nullable: true })
  linkCheckedAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  linkOutcome: string | null;

  @Column({ type: 'smallint', nullable: true })
  linkHttpStatus: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  linkDetail: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
