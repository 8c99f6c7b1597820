import { Transform, Type } from 'class-transformer';
import {
  IsEmail, IsIn, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { ISO_4217_CURRENCIES } from '../domain/currencies';
import { INDICATOR_DIRECTIONS, IndicatorDirection } from '../domain/pledge-content';
import { IsDateOnly } from './is-date-only';
import { trim } from '@gcm/platform';

export class DatedValueDto {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  value: number;

  @IsDateOnly()
  date: string;
}

export class IndicatorDto {
  /** Keep the id of an existing indicator when editing, so its measurements stay attached. */
  @IsOptional()
  @IsUUID()
  id?: string;

  @Transform(trim)
  @IsString()
  @Length(2, 300)
  name: string;

  /** e.g. `people`, `%`, `USD`, `laws adopted`. */
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  unit: string;

  @IsIn(INDICATOR_DIRECTIONS)
  direction: IndicatorDirection;

  @IsObject()
  @ValidateNested()
  @Type(() => DatedValueDto)
  baseline: DatedValueDto;

  @IsObject()
  @ValidateNested()
  @Type(() => DatedValueDto)
  target: DatedValueDto;

  /** SDG indicator code such as 10.7.2. */
  @IsOptional()
  @Matches(/^\d{1,2}\.[a-z0-9]{1,2}\.\d{1,2}$/, { message: 'sdgIndicator must be an SDG indicator code such as 10.7.2' })
  sdgIndicator?: string | null;
}

export class PartnerDto {
  /** A registered organisation… */
  @ValidateIf((o: PartnerDto) => o.name == null)
  @IsUUID()
  organisationId?: string;

  /** …or the name of one that is not registered. */
  @ValidateIf((o: PartnerDto) => o.organisationId == null)
  @Transform(trim)
  @IsString()
  @Length(2, 300)
  name?: string;
}

export class BudgetDto {
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e13)
  amount: number;

  @IsIn([...ISO_4217_CURRENCIES], { message: 'currency must be an ISO 4217 code such as EUR or USD' })
  currency: string;
}

/** Private: shown to the owner organisation and the secretariat only, never published. */
export class ContactDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsEmail()
  @MaxLength(320)
  email: string;
}
