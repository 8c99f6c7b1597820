import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageLimit, PageOffset, queryBoolean } from '@gcm/platform';

export class PracticeQueryDto {
  /** Full-text search over title, organisation, scope, description, impacts and lessons. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  /** GCM objective number quoted by the practice's session. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(23)
  objective?: number;

  /** Session ordinal (1–7). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(99)
  session?: number;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  brieflyReferred?: boolean;

  @PageLimit(100)
  limit?: number = 20;

  @PageOffset(10_000)
  offset?: number = 0;
}
