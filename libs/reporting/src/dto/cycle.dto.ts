import { IsDateOnly } from '@gcm/pledges';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const CYCLE_CODE = /^\d{4}(-[A-Z0-9]{1,4})?$/;

export class CreateCycleDto {
  /** e.g. 2026-H1, 2026-Q3 or 2026. */
  @Matches(CYCLE_CODE, { message: 'code must be a cycle code such as 2026-H1' })
  code: string;

  @IsDateOnly()
  periodStart: string;

  @IsDateOnly()
  periodEnd: string;

  /** Default: the day after the period ends. */
  @IsOptional()
  @IsDateOnly()
  windowOpens?: string;

  /** Default: CYCLE_DEADLINE_DAYS (45) after the period ends. */
  @IsOptional()
  @IsDateOnly()
  deadline?: string;
}

export class GenerateCyclesDto {
  @Type(() => Number)
  @IsInt()
  @Min(2018)
  @Max(2100)
  year: number;
}
