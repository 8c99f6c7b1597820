import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { defineFeatureConfig } from '@gcm/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Single sign-on settings; the providers themselves are data the secretariat keeps (sso_provider). */
export class SsoConfig {
  /** How long a trip to the provider may take, from the sign-in button to the callback. */
  @Transform(toInt)
  @IsInt({ message: 'SSO_ATTEMPT_TTL_SECONDS must be a whole number from 60 to 3600' })
  @Min(60, { message: 'SSO_ATTEMPT_TTL_SECONDS must be a whole number from 60 to 3600' })
  @Max(3600, { message: 'SSO_ATTEMPT_TTL_SECONDS must be a whole number from 60 to 3600' })
  SSO_ATTEMPT_TTL_SECONDS = 600;

  /** Timeout of each call to a provider (discovery, token, keys). */
  @Transform(toInt)
  @IsInt({ message: 'SSO_HTTP_TIMEOUT_MS must be a whole number from 500 to 60000' })
  @Min(500, { message: 'SSO_HTTP_TIMEOUT_MS must be a whole number from 500 to 60000' })
  @Max(60_000, { message: 'SSO_HTTP_TIMEOUT_MS must be a whole number from 500 to 60000' })
  SSO_HTTP_TIMEOUT_MS = 5000;
}

export const loadSsoConfig = defineFeatureConfig(SsoConfig, ['SSO_ATTEMPT_TTL_SECONDS', 'SSO_HTTP_TIMEOUT_MS']);
