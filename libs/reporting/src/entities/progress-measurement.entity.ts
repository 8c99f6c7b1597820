import { PledgeIndicator } from '@gcm/pledges';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProgressUpdate } from './progress-update.entity';

/** A value of one of the pledge's indicators, as of a date, reported in an update. */
@Entity('progress_measurement')
@Index(['updateId', 'position'], { unique: true })
@Index(['indicatorId'])
export class ProgressMeasurement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  updateId: string;

  @ManyToOne(() => ProgressUpdate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: ProgressUpdate;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => PledgeIndicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: PledgeIndicator;

  @Column({ type: 'numeric' })
  value: string;

  @Column({ type: 'date' })
  asOf: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
