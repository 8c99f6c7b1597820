import { ApiProperty } from '@nestjs/swagger';
import type { EmailStatus, ReminderStep } from './entities/notification.entity';

/** A stored notification (read by the Swagger plugin). The secretariat's list adds the recipient and delivery fields. */
export class NotificationView {
  id: string;
  /** e.g. reporting_reminder */
  kind: string;
  /** Reporting cycle code, for reminders. */
  cycle: string | null;
  step: ReminderStep | null;
  subject: string;
  body: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Kind-specific data, e.g. the pledge of a reminder.' })
  data: Record<string, unknown> | null;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: EmailStatus;
  emailedAt: Date | null;
  /** Secretariat list only, from here on. */
  userId?: string;
  userEmail?: string;
  emailAttempts?: number;
  emailError?: string | null;
}

export class NotificationPage {
  items: NotificationView[];
  total: number;
  limit: number;
  offset: number;
}
