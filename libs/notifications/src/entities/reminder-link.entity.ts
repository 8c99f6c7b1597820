import { User } from '@gcm/accounts';
import { Pledge } from '@gcm/pledges';
import { ReportingCycle } from '@gcm/reporting';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Notification } from './notification.entity';

export const REMINDER_LINK_ACTIONS = ['no_change', 'update'] as const;
export type ReminderLinkAction = (typeof REMINDER_LINK_ACTIONS)[number];

/**
 * A link of a reminder e-mail: "no change since last cycle — confirm" or
 * "update this pledge". The token is the proof of who follows it, so only its
 * SHA-256 is stored; it works once, until `expires_at`, for its user while
 * active, and while the pledge is at the version it was issued for.
 */
@Entity('reminder_link')
@Index(['notificationId'])
@Index(['userId', 'pledgeId', 'cycleId'])
@Check('ck_reminder_link_action', `"action" IN ('no_change', 'update')`)
export class ReminderLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash: string;

  @Column({ type: 'varchar', length: 10 })
  action: ReminderLinkAction;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ReportingCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  /** The pledge's version when the link was issued: any change of the pledge since retires it. */
  @Column({ type: 'int' })
  pledgeVersion: number;

  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
