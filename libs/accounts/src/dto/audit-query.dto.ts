import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageLimit } from '@gcm/platform';

export class AuditQueryDto {
  /** e.g. `user`, `organisation`, `session`, `framework_version`, `route`. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  entityType?: string;

  @IsOptional()
  @IsString()
  @Length(1, 128)
  entityId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  /** Exact action (`user.invite`) or a prefix ending in a dot (`auth.`). */
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]*)*$/, { message: 'action must look like user.invite or auth.' })
  @Length(1, 64)
  action?: string;

  /** ISO 8601, inclusive. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  /** ISO 8601, exclusive. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;

  @PageLimit(500)
  limit?: number = 50;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}
