import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageLimit, PageOffset, queryBoolean } from '@gcm/platform';

export class PracticeQueryDto {
  /**
   * Full-text search over title, organisation, scope, description, impacts, lessons and resources: accents ignored,
   * plurals and demonyms joined (children ~ child, Venezuelan ~ Venezuela), the last word matched as a prefix
   * while typed, web-search syntax ("quoted phrase", -exclude, or); ranked by relevance.
   */
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

  /** Dialogue session: its code (1.1, 3.2) or its ordinal (1–7). */
  @IsOptional()
  @IsString()
  @Matches(/^(\d{1,2}\.\d{1,2}|[1-9]\d?)$/, { message: 'session must be a session code such as 1.1 or an ordinal such as 1' })
  session?: string;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  brieflyReferred?: boolean;

  @PageLimit(100)
  limit?: number = 20;

  @PageOffset(10_000)
  offset?: number = 0;
}
