import { Transform } from 'class-transformer';
import { ArrayUnique, IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { LOCALES, Locale, defineFeatureConfig } from '@gcm/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toList = ({ value }: { value: unknown }) =>
  (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter((v) => v !== '') : value);

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

  /** The secretariat's default report language: a request that names none gets it, and the cycle flow builds it. */
  @IsIn(LOCALES, { message: `REPORT_DEFAULT_LANGUAGE must be one of ${LOCALES.join(', ')}` })
  REPORT_DEFAULT_LANGUAGE: Locale = 'en';

  /**
   * Further languages the cycle flow builds every report in, besides the
   * default one, comma-separated (e.g. `fr,es`); empty by default.
   */
  @Transform(toList)
  @ArrayUnique({ message: 'REPORT_FLOW_LANGUAGES must not name a language twice' })
  @IsIn(LOCALES, { each: true, message: `REPORT_FLOW_LANGUAGES must be a comma-separated list of ${LOCALES.join(', ')}` })
  REPORT_FLOW_LANGUAGES: Locale[] = [];

  /**
   * An objective that was pledged and reported on is "weakly reported" when
   * fewer than this share of the reporting States reported on it (a fraction
   * above 0 and at most 1; default 0.25, a quarter). Objectives with no pledge
   * and objectives pledged but not reported on are listed apart whatever the
   * share. Every report records the value it was built with in
   * `metadata.parameters`.
   */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber({}, { message: 'REPORT_WEAK_OBJECTIVE_SHARE must be a number between 0 and 1' })
  @Min(0.01, { message: 'REPORT_WEAK_OBJECTIVE_SHARE must be a number between 0 and 1' })
  @Max(1, { message: 'REPORT_WEAK_OBJECTIVE_SHARE must be a number between 0 and 1' })
  REPORT_WEAK_OBJECTIVE_SHARE = 0.25;

  /**
   * `off` leaves the narrative sections (the prose overviews, change since
   * the last cycle, guiding questions, adoption) out of every report built:
   * only for `npm run bench:reports`, which runs the flow both ways to show
   * what the narrative costs. On by default; never turn it off in production.
   */
  @IsIn(['on', 'off'], { message: 'REPORT_NARRATIVE must be on or off' })
  REPORT_NARRATIVE: 'on' | 'off' = 'on';
}

/** The languages a cycle's flow builds: the default first, then the others configured. */
export function flowLanguages(config: ReportsConfig): Locale[] {
  return [config.REPORT_DEFAULT_LANGUAGE, ...config.REPORT_FLOW_LANGUAGES.filter((l) => l !== config.REPORT_DEFAULT_LANGUAGE)];
}

export const loadReportsConfig = defineFeatureConfig(ReportsConfig, ['REPORT_INFRA_RETRY_MINUTES', 'REPORT_DEFAULT_LANGUAGE', 'REPORT_FLOW_LANGUAGES', 'REPORT_WEAK_OBJECTIVE_SHARE', 'REPORT_NARRATIVE']);
