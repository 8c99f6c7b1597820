import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { REPORT_KINDS, ReportKind } from '../../model/report-kind.types';
import { LOCALES, Locale, trim } from '@gcm/platform';

const CYCLE_CODE = /^\d{4}-[A-Za-z0-9]{1,8}$/;

export class ReportRequestDto {
  @IsIn(REPORT_KINDS)
  kind: ReportKind;

  /**
   * `FRA` (or an organisation id) for `state`, `8` for `objective`, `T2` for
   * `theme`, an M49 code such as `002` for `region`, `RT2` for `round_table`;
   * omit or `global` for `imrf_summary`.
   */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  scope?: string;

  /** One cycle code, e.g. `2026-H1`. Give either `cycle` or `cycles`. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(CYCLE_CODE, { message: 'cycle must be a cycle code such as 2026-H1' })
  cycle?: string;

  /** A span of cycles (imrf_summary, round_table), e.g. `["2025-H2", "2026-H1"]`. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(CYCLE_CODE, { each: true, message: 'each cycle must be a cycle code such as 2026-H1' })
  cycles?: string[];

  /** The report's language, one of the six UN languages; the secretariat's default language when omitted. */
  @IsOptional()
  @IsIn(LOCALES, { message: `language must be one of ${LOCALES.join(', ')}` })
  language?: Locale;
}

/** Versions to publish together (the secretariat's bulk publish). */
export class PublishVersionsDto {
  /** Ids of unpublished, fully rendered versions; all are published or none. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];
}
