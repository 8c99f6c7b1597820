import { Transform } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { defineFeatureConfig } from '@gcm/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export const CYCLE_CADENCES = ['half-year', 'quarter', 'year'] as const;
export type CycleCadence = (typeof CYCLE_CADENCES)[number];

/**
 * Reporting's own settings, validated at start with AppConfig: the cadence of
 * reporting cycles is configuration, not code.
 */
export class ReportingConfig {
  /** half-year: 2026-H1/H2 (default); quarter: 2026-Q1…Q4; year: 2026. */
  @IsIn(CYCLE_CADENCES, { message: `CYCLE_CADENCE must be one of ${CYCLE_CADENCES.join(', ')}` })
  CYCLE_CADENCE: CycleCadence = 'half-year';

  /** Days after the end of a cycle's period until its submission deadline. */
  @Transform(toInt)
  @IsInt({ message: 'CYCLE_DEADLINE_DAYS must be a whole number of days' })
  @Min(0)
  @Max(365)
  CYCLE_DEADLINE_DAYS = 45;

  /** Largest evidence file accepted, in bytes (default 10 MiB). */
  @Transform(toInt)
  @IsInt({ message: 'EVIDENCE_MAX_BYTES must be a whole number of bytes' })
  @Min(1024)
  @Max(50 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
}

/** Registered with platform's loadConfig, so a bad value stops the process at start (exit 78). */
export const loadReportingConfig = defineFeatureConfig(ReportingConfig, ['CYCLE_CADENCE', 'CYCLE_DEADLINE_DAYS', 'EVIDENCE_MAX_BYTES']);
