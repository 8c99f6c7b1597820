import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { REPORT_KINDS, ReportKind } from '../../model/report-kind.types';
import { RUN_STATUSES, RunStatus } from '../entities/report-run.entity';
import { LOCALES, Locale, PageLimit, PageOffset, queryBoolean, trim } from '@gcm/platform';

class PageDto {
  @PageLimit(200)
  limit?: number = 50;

  @PageOffset()
  offset?: number = 0;
}

class ReportFilterDto extends PageDto {
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;

  /** A cycle code: reports whose span ends with it. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^\d{4}-[A-Za-z0-9]{1,8}$/, { message: 'cycle must be a cycle code such as 2026-H1' })
  cycle?: string;

  /** Scope text as in requests (`FRA`, `8`, `T2`, `002`, `RT2`, `global`). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'scope must be a scope such as FRA, 8, T2, 002, RT2 or global' })
  scope?: string;

  /** Editions in one language only. */
  @IsOptional()
  @IsIn(LOCALES, { message: `language must be one of ${LOCALES.join(', ')}` })
  language?: Locale;
}

export class RunQueryDto extends ReportFilterDto {
  @IsOptional()
  @IsIn(RUN_STATUSES)
  status?: RunStatus;
}

export class VersionQueryDto extends ReportFilterDto {
  /** Secretariat only: `true` published versions, `false` unpublished ones. */
  @IsOptional()
  @Transform(queryBoolean)
  @IsIn([true, false], { message: 'published must be true or false' })
  published?: boolean;
}

export class PublicReportQueryDto extends ReportFilterDto {}
