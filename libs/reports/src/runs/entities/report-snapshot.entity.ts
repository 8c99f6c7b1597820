import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ReportRun } from './report-run.entity';

/**
 * The data set a cycle's report flow is built from, read once when its first
 * report starts and shared by every report of the flow (the IMRF summary
 * agrees with the State reports to the last update, and the data is read
 * once rather than once per report). Keyed by the flow's summary run, so a
 * cycle reopened and closed again gets a fresh one. Gzipped JSON.
 */
@Entity('report_snapshot')
export class ReportSnapshot {
  @PrimaryColumn({ type: 'uuid' })
  rootRunId: string;

  @OneToOne(() => ReportRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'root_run_id' })
  rootRun?: ReportRun;

  @Column({ type: 'uuid', array: true })
  cycleIds: string[];

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
