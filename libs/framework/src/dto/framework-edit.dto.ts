import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trim, trimEach } from '@gcm/platform';

/** Optimistic concurrency for catalogue edits: the framework version you read; a newer one answers 409. */
export class FrameworkEdit {
  @IsOptional()
  @IsInt()
  @Min(1)
  frameworkVersion?: number;

  /** Why the change was made; kept on the new framework version. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 400)
  note?: string;
}

export class UpdateRecommendationDto extends FrameworkEdit {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  shortTitle?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 20_000)
  text?: string;

  /** GCM objectives the recommendation bears on (replaces the list). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(23)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(23, { each: true })
  objectives?: number[];

  /** The "ways forward", in order (replaces the list; an unchanged text keeps its source). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 5000, { each: true })
  considerations?: string[];
}

export class CreateRecommendationDto extends FrameworkEdit {
  /** Paragraph number in A/76/642 (or a later report). */
  @IsInt()
  @Min(1)
  @Max(9999)
  paragraph: number;

  @Transform(trim)
  @IsString()
  @Length(1, 300)
  shortTitle: string;

  @Transform(trim)
  @IsString()
  @Length(1, 20_000)
  text: string;

  /** Where the text comes from; defaults to the secretariat. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  source?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(23)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(23, { each: true })
  objectives?: number[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 5000, { each: true })
  considerations?: string[];
}

export class ObjectiveThemesDto extends FrameworkEdit {
  /** ICMPD theme numbers linked to the objective. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(99, { each: true })
  themes: number[];

  /** The one primary theme (must be among `themes`); roll-ups by theme count the objective there. */
  @IsInt()
  @Min(1)
  @Max(99)
  primary: number;
}
