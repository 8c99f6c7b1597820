import { IsDateOnly } from '@gcm/pledges';
import { PageLimit, PageOffset, trim } from '@gcm/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { EXTENSION_STATUSES, ExtensionStatus } from '../entities/deadline-extension.entity';
import { CYCLE_CODE } from './cycle.dto';

export class RequestExtensionDto {
  /** Why the organisation needs more time (shown to the secretariat). */
  @Transform(trim)
  @IsString()
  @Length(10, 2000)
  reason: string;

  /** The date asked for (optional; the secretariat sets the granted one). */
  @IsOptional()
  @IsDateOnly()
  requestedDeadline?: string;
}

export class GrantExtensionDto {
  /** The organisation's new deadline (UTC, inclusive); after the cycle's own. */
  @IsDateOnly()
  deadline: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  comment?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class DeclineExtensionDto {
  /** Why not: the focal point reads it. */
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  comment: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ExtensionQueryDto {
  @IsOptional()
  @Matches(CYCLE_CODE, { message: 'cycle must be a cycle code such as 2026-H1' })
  cycle?: string;

  @IsOptional()
  @IsIn(EXTENSION_STATUSES)
  status?: ExtensionStatus;

  @PageLimit(100)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}
