import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { EXPERT_REPORT_STATUSES, ExpertReportStatus } from './expert-report.entity';
import { IsLanguageTag, PageLimit, PageOffset, trim } from '@gcm/platform';

const MAX_YEAR = 2100;

export class CreateExpertReportDto {
  /** One ICMPD theme (1–5)… */
  @ValidateIf((o: CreateExpertReportDto) => o.objective === undefined || o.theme !== undefined)
  @IsInt({ message: 'give a theme (1–5) or an objective (1–23)' })
  @Min(1)
  @Max(9)
  theme?: number;

  /** …or one GCM objective (1–23). */
  @ValidateIf((o: CreateExpertReportDto) => o.theme === undefined || o.objective !== undefined)
  @IsInt({ message: 'give an objective (1–23) or a theme (1–5)' })
  @Min(1)
  @Max(23)
  objective?: number;

  @IsInt()
  @Min(2018)
  @Max(MAX_YEAR)
  year: number;

  @Transform(trim)
  @IsString()
  @Length(5, 300)
  title: string;

  /** The challenges found; what the IMRF summary quotes. */
  @Transform(trim)
  @IsString()
  @Length(50, 20_000)
  body: string;

  /** BCP 47 tag of the language of title and body (canonicalised); by default the author's organisation's, else English. */
  @IsOptional()
  @IsLanguageTag()
  language?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  mandate?: string;
}

export class UpdateExpertReportDto {
  /** The version you edited (optimistic concurrency). */
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(5, 300)
  title?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(50, 20_000)
  body?: string;

  /** BCP 47 tag of the language of title and body (canonicalised); by default the author's organisation's, else English. */
  @IsOptional()
  @IsLanguageTag()
  language?: string;

  @IsOptional()
  @IsInt()
  @Min(2018)
  @Max(MAX_YEAR)
  year?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  mandate?: string;
}

export class ExpertReportVersionDto {
  @IsInt()
  @Min(1)
  version: number;
}

export class ReturnExpertReportDto extends ExpertReportVersionDto {
  @Transform(trim)
  @IsString()
  @Length(5, 2000)
  note: string;
}

export class ExpertReportQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2018)
  @Max(MAX_YEAR)
  year?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9)
  theme?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(23)
  objective?: number;

  /** Anyone but the secretariat and the author sees published reports only, whatever is asked. */
  @IsOptional()
  @IsIn(EXPERT_REPORT_STATUSES)
  status?: ExpertReportStatus;

  @PageLimit(100)
  limit?: number = 20;

  @PageOffset(10_000)
  offset?: number = 0;
}
