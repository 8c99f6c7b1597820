import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

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
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  brieflyReferred?: boolean;

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
  @Max(10_000)
  offset?: number = 0;
}
