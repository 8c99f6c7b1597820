import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { defineFeatureConfig } from '@gcm/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Webhook delivery and e-mail subscription settings, validated at start with AppConfig. */
export class SubscriptionsConfig {
  /** How often the worker turns new publications into webhook deliveries. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WEBHOOK_DISPATCH_EVERY_SECONDS = 15;

  /** Attempts per delivery (the first included), with exponential backoff. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  WEBHOOK_ATTEMPTS = 8;

  /** The first retry's delay; each later one doubles it (10 s, 20 s, 40 s, …). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS = 10_000;

  /** How long one delivery attempt may take (connect, send, response headers). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** A webhook whose deliveries failed this many times in a row (all attempts spent each time) is disabled. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_DISABLE_AFTER_FAILURES = 5;

  /** How long an e-mail subscription's confirmation link works. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  SUBSCRIPTION_CONFIRM_TTL_HOURS = 24;

  /** How often the worker looks for subscribers due their (at most daily) e-mail. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SUBSCRIPTION_MAIL_EVERY_MINUTES = 60;
}

export const loadSubscriptionsConfig = defineFeatureConfig(SubscriptionsConfig, [
  'WEBHOOK_DISPATCH_EVERY_SECONDS', 'WEBHOOK_ATTEMPTS', 'WEBHOOK_RETRY_BASE_MS', 'WEBHOOK_TIMEOUT_MS', 'WEBHOOK_DISABLE_AFTER_FAILURES',
  'SUBSCRIPTION_CONFIRM_TTL_HOURS', 'SUBSCRIPTION_MAIL_EVERY_MINUTES',
]);
