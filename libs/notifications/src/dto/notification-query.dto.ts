import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { EMAIL_STATUSES, EmailStatus, REMINDER_STEPS, ReminderStep } from '../entities/notification.entity';
import { PageLimit, PageOffset, queryBoolean } from '@gcm/platform';

export class NotificationQueryDto {
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;

  /** A cycle code such as 2026-H1. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-[A-Za-z0-9]{1,8}$/, { message: 'cycle must be a cycle code such as 2026-H1' })
  cycle?: string;

  @IsOptional()
  @IsIn(REMINDER_STEPS)
  step?: ReminderStep;

  @PageLimit(100)
  limit?: number = 20;

  @PageOffset()
  offset?: number = 0;
}

export class AllNotificationsQueryDto extends NotificationQueryDto {
  @IsOptional()
  @IsUUID()
  userId?: string;

  @IsOptional()
  @IsIn(EMAIL_STATUSES)
  emailStatus?: EmailStatus;
}
