import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { defineFeatureConfig } from '@gcm/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The report runs' own settings, validated at start with AppConfig. */
export class ReportsConfig {
  /**
   * How long a report job keeps waiting out an unreachable database or Redis
   * (connection refused or reset, timeouts, "the database system is starting
   * up") before its run is marked failed. These waits spend none of the job's
   * attempts, which are kept for real build errors; the default outlasts a
   * typical failover several times over.
   */
  @Transform(toInt)
  @IsInt({ message: 'REPORT_INFRA_RETRY_MINUTES must be a whole number of minutes' })
  @Min(1)
  @Max(1440)
  REPORT_INFRA_RETRY_MINUTES = 10;
}

export const loadReportsConfig = defineFeatureConfig(ReportsConfig, ['REPORT_INFRA_RETRY_MINUTES']);
