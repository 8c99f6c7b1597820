import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ReportFormat } from '../../renderers/render-report';
import { ReportVersion } from './report-version.entity';

/** One rendered format of a version; the primary key makes a second render of the same format a no-op. */
@Entity('report_file')
@Check('ck_report_file_format', `"format" IN ('json', 'html', 'pdf', 'csv', 'xlsx')`)
export class ReportFile {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  format: ReportFormat;

  @ManyToOne(() => ReportVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: ReportVersion;

  @Column({ type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
