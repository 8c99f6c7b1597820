import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Min, ValidateNested,
} from 'class-validator';
import { PLEDGE_FORMS, PledgeForm, REFERENCE_PATTERN } from '../domain/pledge-content';
import { IsDateOnly } from './is-date-only';
import { AlignmentDto, ScopeDto } from './pledge-alignment.dto';
import { BudgetDto, ContactDto, IndicatorDto, PartnerDto } from './pledge-parts.dto';
import { IsLanguageTag, trim, VersionOnlyDto } from '@gcm/platform';

export class CreatePledgeDto {
  @Transform(trim)
  @IsString()
  @Length(5, 300)
  title: string;

  /** 300 to 3,000 characters. */
  @IsString()
  @Length(300, 3000, { message: 'description must be between 300 and 3,000 characters' })
  description: string;

  @IsIn(PLEDGE_FORMS)
  form: PledgeForm;

  /**
   * BCP 47 tag of the language the title and description are written in
   * (canonicalised: `fr-ca` → `fr-CA`); by default the organisation's language.
   * Shown with the text, never machine-translated.
   */
  @IsOptional()
  @IsLanguageTag()
  language?: string;

  /** Public reference of a pledge this one matches (e.g. a donor's pledge matching a State's). */
  @IsOptional()
  @Matches(REFERENCE_PATTERN, { message: 'matchingPledgeRef must be a pledge reference such as GCM-P-2026-00042' })
  matchingPledgeRef?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners?: PartnerDto[];

  @IsObject()
  @ValidateNested()
  @Type(() => AlignmentDto)
  alignment: AlignmentDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto | null;

  @IsOptional()
  @IsDateOnly()
  startDate?: string | null;

  /** On or after startDate. */
  @IsOptional()
  @IsDateOnly()
  targetDate?: string | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BudgetDto)
  budget?: BudgetDto | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators?: IndicatorDto[];

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto | null;
}

/**
 * Each field sent replaces that part of the working copy (`alignment` as a
 * whole); null clears an optional field. The version it is based on comes
 * from If-Match or `version`.
 */
export class UpdatePledgeDto extends PartialType(CreatePledgeDto) {
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class WithdrawPledgeDto extends VersionOnlyDto {
  @Transform(trim)
  @IsString()
  @Length(10, 2000)
  reason: string;
}

export class ReturnDto extends VersionOnlyDto {
  /** What the owner should change; shown to the owner organisation only. */
  @Transform(trim)
  @IsString()
  @Length(5, 4000)
  comment: string;
}

export class PublishDto extends VersionOnlyDto {
  /** Optional note kept with the review. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 4000)
  comment?: string;
}
