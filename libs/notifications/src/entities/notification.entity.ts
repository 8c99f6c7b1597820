import { User } from '@gcm/accounts';
import { ReportingCycle } from '@gcm/reporting';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const EMAIL_STATUSES = ['not_configured', 'pending', 'sending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const REMINDER_STEPS = ['t30', 't7', 'overdue'] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

/**
 * A message to one user, stored whether or not it is e-mailed. E-mail is
 * at most once: the sender claims the row (`sending`) before talking to the
 * SMTP server, so a crash mid-send never leads to a second copy.
 */
@Entity('notification')
@Index(['userId', 'createdAt'])
@Index(['cycleId', 'step'])
@Check('ck_notification_email_status', `"email_status" IN ('not_configured', 'pending', 'sending', 'sent', 'failed')`)
@Check('ck_notification_step', `"step" IS NULL OR "step" IN ('t30', 't7', 'overdue')`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** `reporting_reminder` for now. */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  cycleId: string | null;

  @ManyToOne(() => ReportingCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: ReportingCycle;

  @Column({ type: 'varchar', length: 8, nullable: true })
  step: ReminderStep | null;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** Structured content, e.g. the pledges a reminder is about. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  emailStatus: EmailStatus;

  @Column({ type: 'int', default: 0 })
  emailAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  emailError: string | null;
}
