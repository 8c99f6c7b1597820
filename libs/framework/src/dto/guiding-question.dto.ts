import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trim } from '@gcm/platform';
import { FrameworkEdit } from './framework-edit.dto';

/** The longest guiding question kept (seed 003's longest is under 300 characters). */
export const GUIDING_QUESTION_MAX_LENGTH = 1000;

export class CreateGuidingQuestionDto extends FrameworkEdit {
  /** A GCM objective of this round table (another one answers 400 on `objective`). */
  @IsInt()
  @Min(1)
  @Max(23)
  objective: number;

  @Transform(trim)
  @IsString()
  @Length(1, GUIDING_QUESTION_MAX_LENGTH)
  text: string;
}

export class UpdateGuidingQuestionDto extends FrameworkEdit {
  /** Moves the question to another objective of the round table (placed last there). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(23)
  objective?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, GUIDING_QUESTION_MAX_LENGTH)
  text?: string;
}

export class ReorderGuidingQuestionsDto extends FrameworkEdit {
  /** The objective whose questions are reordered. */
  @IsInt()
  @Min(1)
  @Max(23)
  objective: number;

  /** Every question id of that objective, once each, in the new order. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsInt({ each: true })
  ids: number[];
}

/** A removal names the framework version read in the query (a DELETE carries no body). */
export class FrameworkVersionQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  frameworkVersion?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 400)
  note?: string;
}
