import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { defineFeatureConfig } from '@gcm/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

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

  /** Hours an unfinished resumable (tus) evidence upload may be resumed; after that it answers 410 and the worker deletes it. */
  @Transform(toInt)
  @IsInt({ message: 'EVIDENCE_UPLOAD_EXPIRY_HOURS must be a whole number of hours' })
  @Min(1)
  @Max(24 * 30)
  EVIDENCE_UPLOAD_EXPIRY_HOURS = 24;

  /** Minutes between two prunes of expired resumable uploads (the worker's repeatable job). */
  @Transform(toInt)
  @IsInt({ message: 'EVIDENCE_UPLOAD_PRUNE_EVERY_MINUTES must be a whole number of minutes' })
  @Min(1)
  @Max(24 * 60)
  EVIDENCE_UPLOAD_PRUNE_EVERY_MINUTES = 60;

  /** How long one evidence-link request may take before the link counts as not answering. */
  @Transform(toInt)
  @IsInt({ message: 'EVIDENCE_LINK_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100)
  @Max(60_000)
  EVIDENCE_LINK_TIMEOUT_MS = 10_000;

  /** Redirects an evidence link may take before it counts as not answering. */
  @Transform(toInt)
  @IsInt({ message: 'EVIDENCE_LINK_MAX_REDIRECTS must be a whole number' })
  @Min(0)
  @Max(10)
  EVIDENCE_LINK_MAX_REDIRECTS = 5;

  /** Minutes between two scans of the evidence links of submitted updates (the worker's repeatable job). */
  @Transform(toInt)
  @IsInt({ message: 'EVIDENCE_LINK_CHECK_EVERY_MINUTES must be a whole number of minutes' })
  @Min(1)
  @Max(24 * 60)
  EVIDENCE_LINK_CHECK_EVERY_MINUTES = 60;

  /** Hours after which a checked link is checked again. */
  @Transform(toInt)
  @IsInt({ message: 'EVIDENCE_LINK_RECHECK_HOURS must be a whole number of hours' })
  @Min(1)
  @Max(24 * 90)
  EVIDENCE_LINK_RECHECK_HOURS = 24;

  /** Whether link checks may reach private and loopback addresses: false in production (SSRF); tests set it to reach their own server. */
  @Transform(toBool)
  @IsBoolean({ message: 'EVIDENCE_LINK_ALLOW_PRIVATE must be true or false' })
  EVIDENCE_LINK_ALLOW_PRIVATE = false;
}

/** Registered with platform's loadConfig, so a bad value stops the process at start (exit 78). */
export const loadReportingConfig = defineFeatureConfig(ReportingConfig, [
  'CYCLE_CADENCE', 'CYCLE_DEADLINE_DAYS', 'EVIDENCE_MAX_BYTES', 'EVIDENCE_UPLOAD_EXPIRY_HOURS', 'EVIDENCE_UPLOAD_PRUNE_EVERY_MINUTES', 'EVIDENCE_LINK_TIMEOUT_MS', 'EVIDENCE_LINK_MAX_REDIRECTS',
  'EVIDENCE_LINK_CHECK_EVERY_MINUTES', 'EVIDENCE_LINK_RECHECK_HOURS', 'EVIDENCE_LINK_ALLOW_PRIVATE',
]);
