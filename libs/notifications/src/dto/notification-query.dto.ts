import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { EMAIL_STATUSES, EmailStatus, REMINDER_STEPS, ReminderStep } from '../entities/notification.entity';

export class NotificationQueryDto {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
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

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number = 20;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
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
