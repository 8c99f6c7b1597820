import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProgressUpdate } from './progress-update.entity';

/**
 * A resumable (tus) evidence upload in progress: what was declared when it was
 * created, how far it got and who may go on with it. Kept in PostgreSQL, not on
 * one API process's disk or memory, so any replica can take the next PATCH.
 * The bytes are in evidence_upload_chunk until the upload finishes and passes
 * the evidence checks; then they move to evidence_blob and the row keeps the
 * evidence id (a HEAD after a lost last answer still says "complete") until it expires.
 */
@Entity('evidence_upload')
@Index(['expiresAt'])
export class EvidenceUpload {
  /** The tus upload id (random, URL-safe). */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'uuid' })
  updateId: string;

  @ManyToOne(() => ProgressUpdate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: ProgressUpdate;

  /** The user who created it: the only one who may go on with it, look at it or cancel it. */
  @Column({ type: 'uuid' })
  ownerId: string;

  /** Upload-Length, as declared (≤ EVIDENCE_MAX_BYTES). */
  @Column({ type: 'int' })
  sizeBytes: number;

  /** Bytes stored so far: the Upload-Offset a HEAD answers. */
  @Column({ type: 'int', default: 0 })
  offsetBytes: number;

  /** Upload-Metadata, decoded (filename, filetype, title). */
  @Column({ type: 'jsonb' })
  metadata: Record<string, string | null>;

  /** Set while one request writes to it; a second one meanwhile gets 423. A lease, so a process that died does not hold it forever. */
  @Column({ type: 'uuid', nullable: true })
  lockToken: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** The evidence item the finished upload became. */
  @Column({ type: 'uuid', nullable: true })
  evidenceId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** After this an unfinished upload answers 410 and the worker's prune job deletes it (EVIDENCE_UPLOAD_EXPIRY_HOURS). */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}

/** A stretch of an upload's bytes, as received, from `start`. */
@Entity('evidence_upload_chunk')
export class EvidenceUploadChunk {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  uploadId: string;

  @PrimaryColumn({ type: 'int' })
  start: number;

  @ManyToOne(() => EvidenceUpload, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'upload_id' })
  upload?: EvidenceUpload;

  @Column({ type: 'bytea' })
  data: Buffer;
}
