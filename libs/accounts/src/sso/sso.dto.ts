import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { PartialType } from '@nestjs/swagger';
import { trim } from '@gcm/platform';

/** https, or http on this machine's loopback (a provider started for a test or a local trial). */
const ISSUER = /^(https:\/\/[^\s/?#]+(\/[^\s?#]*)?|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?(\/[^\s?#]*)?)$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const lowerEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value;

export class CreateSsoProviderDto {
  /** Shown on the sign-in button. */
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  name: string;

  /** The provider's issuer identifier; its `/.well-known/openid-configuration` is read from there. */
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  @Matches(ISSUER, { message: 'issuer must be an https URL (http only on localhost)' })
  issuer: string;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  clientId: string;

  /** Stored encrypted; never returned. */
  @IsString()
  @Length(1, 500)
  clientSecret: string;

  /** E-mail domains allowed to sign in through this provider (lower-case, e.g. `iom.int`); empty allows any. */
  @IsOptional()
  @Transform(lowerEach)
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(DOMAIN, { each: true, message: 'allowedDomains must be domain names such as iom.int' })
  allowedDomains?: string[];

  /** Whether someone with no account gets one (with no role until the secretariat assigns one). */
  @IsOptional()
  @IsBoolean()
  allowAccountCreation?: boolean;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** Any field of a provider; a new `clientSecret` replaces the stored one (left out: kept). */
export class UpdateSsoProviderDto extends PartialType(CreateSsoProviderDto) {
  /** The version you read; a stale one answers 409 and changes nothing. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/**
 * What a provider sends back to the callback (RFC 6749 §4.1.2, RFC 9207 `iss`, OpenID session management's
 * `session_state`). Anything else, or a parameter given twice, is a malformed request (400).
 */
export class SsoCallbackQueryDto {
  /** The authorization code. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  code?: string;

  /** The state sent at start; must equal the state cookie. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  state?: string;

  /** The provider's issuer (RFC 9207). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  iss?: string;

  /** The provider's refusal, e.g. access_denied. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  error?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  error_description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  error_uri?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  session_state?: string;
}
