import { User } from '@gcm/accounts';
import { Pledge } from '@gcm/pledges';
import { ReportingCycle } from '@gcm/reporting';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Notification, ReminderStep } from './notification.entity';

/**
 * That a focal point was reminded about a pledge's update for a cycle at a
 * step. The primary key is the "never twice" rule: a scan inserts with ON
 * CONFLICT DO NOTHING and notifies only about the rows it inserted.
 */
@Entity('reporting_reminder')
@Index(['notificationId'])
export class ReportingReminder {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @PrimaryColumn({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  step: ReminderStep;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => Notification, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
