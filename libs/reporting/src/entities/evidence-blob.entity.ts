import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The bytes of an uploaded evidence file, keyed by their SHA-256: stored in
 * PostgreSQL so a file commits or rolls back with its update, is in every
 * backup, and needs no shared disk between API processes; identical files are
 * stored once (a "no change" reconfirmation reuses them for free).
 */
@Entity('evidence_blob')
export class EvidenceBlob {
  @PrimaryColumn({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ type: 'int' })
  sizeBytes: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
