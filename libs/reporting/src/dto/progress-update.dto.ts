import { PartialType } from '@nestjs/swagger';
import { IMPLEMENTATION_STATUSES, ImplementationStatus, IsDateOnly } from '@gcm/pledges';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, MaxLength, Min,
  ValidateIf, ValidateNested,
} from 'class-validator';
import { CYCLE_CODE } from './cycle.dto';
import { IsLanguageTag, PageLimit, PageOffset, trim } from '@gcm/platform';

export const NARRATIVE_MAX = 5000;

export class MeasurementDto {
  /** One of the pledge's current indicators. */
  @IsUUID()
  indicatorId: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  value: number;

  @IsDateOnly()
  asOf: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class EvidenceLinkDto {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true }, { message: 'url must be an http(s) address' })
  @MaxLength(2000)
  url: string;

  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title: string;
}

export class PartnerContributionDto {
  @ValidateIf((o: PartnerContributionDto) => o.name == null)
  @IsUUID()
  organisationId?: string;

  @ValidateIf((o: PartnerContributionDto) => o.organisationId == null)
  @Transform(trim)
  @IsString()
  @Length(2, 300)
  name?: string;

  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  contribution: string;
}

export class ProgressContentDto {
  /** Implementation status of the pledge at the end of the period. */
  @IsIn(IMPLEMENTATION_STATUSES)
  status: ImplementationStatus;

  @IsInt()
  @Min(0)
  @Max(100)
  percentComplete: number;

  /** BCP 47 tag of the language of the narrative (canonicalised); by default the pledging organisation's. Never machine-translated. */
  @IsOptional()
  @IsLanguageTag()
  language?: string;

  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE_MAX)
  actionsTaken?: string;

  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE_MAX)
  challenges?: string;

  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE_MAX)
  nextSteps?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasurementDto)
  measurements?: MeasurementDto[];

  /** Links; files are uploaded separately to …/evidence/files. Sending this list replaces the links. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLinkDto)
  evidence?: EvidenceLinkDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerContributionDto)
  partnerContributions?: PartnerContributionDto[];
}

export class CreateProgressUpdateDto extends ProgressContentDto {
  /** Code of an open reporting cycle, e.g. 2026-H1. */
  @Matches(CYCLE_CODE, { message: 'cycle must be a cycle code such as 2026-H1' })
  cycle: string;
}

export class UpdateProgressUpdateDto extends PartialType(ProgressContentDto) {
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class NoChangeDto {
  @Matches(CYCLE_CODE, { message: 'cycle must be a cycle code such as 2026-H1' })
  cycle: string;
}

export class UploadEvidenceDto {
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  title: string;

  /** Optional: the update's version this upload is based on (or If-Match). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class UpdateQueueDto {
  @IsOptional()
  @Matches(CYCLE_CODE, { message: 'cycle must be a cycle code such as 2026-H1' })
  cycle?: string;

  @PageLimit(100)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}
