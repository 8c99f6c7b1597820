import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min,
  ValidateNested,
} from 'class-validator';

const upper = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.toUpperCase() : v)) : value;
const lower = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)) : value;

export class ObjectiveRefDto {
  /** GCM objective number (1–23). */
  @IsInt()
  @Min(1)
  @Max(999)
  number: number;

  /** Exactly one objective of a pledge is its primary one. */
  @IsOptional()
  @IsBoolean()
  primary?: boolean;
}

/** Every code is checked against the framework catalogue; an unknown one is named in the field errors. */
export class AlignmentDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(23)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveRefDto)
  objectives: ObjectiveRefDto[];

  /** Guiding principle keys a–j. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Transform(lower)
  @IsString({ each: true })
  @Matches(/^[a-z]$/, { each: true, message: 'each principle must be a single letter key such as c' })
  principles?: string[];

  /**
   * ICMPD theme numbers (1–5). Omit or send null to derive them from the
   * objectives through the crosswalk; a list overrides the derivation.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(99, { each: true })
  themes?: number[] | null;

  /** SG recommendation paragraph numbers (A/76/642), e.g. 101. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(9999, { each: true })
  recommendations?: number[];

  /** Actionable commitment codes such as T2.C4. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @Transform(upper)
  @IsString({ each: true })
  @Matches(/^T\d{1,2}\.C\d{1,3}$/, { each: true, message: 'each commitment must be a code such as T2.C4' })
  commitments?: string[];
}

export class ScopeDto {
  /** ISO 3166 alpha-3 codes of the States concerned. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(195)
  @ArrayUnique()
  @Transform(upper)
  @IsString({ each: true })
  @Matches(/^[A-Z]{3}$/, { each: true, message: 'each country must be an ISO alpha-3 code such as FRA' })
  countries?: string[];

  /** UN M49 region, sub-region or intermediate-region codes (e.g. 002 Africa, 419 Latin America); 001 is the world. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^\d{3}$/, { each: true, message: 'each region must be a three-digit UN M49 code such as 002' })
  regions?: string[];
}
