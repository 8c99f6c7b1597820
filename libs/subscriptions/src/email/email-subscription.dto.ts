import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { LOCALES, type Locale, trimLower, upper } from '@gcm/platform';
import { SUBSCRIPTION_TOPICS, type SubscriptionTopic } from './collate';

export class SubscribeDto {
  /** Where the confirmation and the (at most daily) mails go. Never shown anywhere. */
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  /** What to follow: a country, an objective, a theme, or the digest of each compiled cycle. */
  @IsIn(SUBSCRIPTION_TOPICS)
  topic: SubscriptionTopic;

  /** The country's ISO alpha-3 code, the objective's number (1–23) or the theme's number; absent for the digest. */
  @ValidateIf((o: SubscribeDto) => o.topic !== 'digest' || o.key !== undefined)
  @Transform(upper)
  @IsString()
  @Matches(/^([A-Z]{3}|[0-9]{1,2})$/, { message: 'key must be a country code (e.g. KEN) or a number' })
  key?: string;

  /** The language of the mails (one of the six). */
  @IsIn(LOCALES)
  language: Locale;
}

export class ConfirmSubscriptionDto {
  /** The token of the confirmation link. */
  @IsString()
  @MaxLength(200)
  token: string;
}

export class UnsubscribeQueryDto {
  /** The token of the unsubscribe link (RFC 8058's URL carries it in the query). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

/** The body a mail client POSTs for RFC 8058 one-click (`List-Unsubscribe=One-Click`), or the web page's token. */
export class UnsubscribeBodyDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  'List-Unsubscribe'?: string;
}
