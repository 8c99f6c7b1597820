import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateIf } from 'class-validator';
import { LOCALES, Locale, PageLimit, PageOffset, Role, ROLES } from '@gcm/platform';
import { trim, trimLower } from './auth.dto';

export class InviteUserDto {
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @IsIn(ROLES)
  role: Role;

  /** Required for a focal point; optional for an expert (their agency or NGO). */
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  /** The language of the user's e-mail (the invitation included); by default the organisation's, else English. */
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale;
}

/** What a signed-in user may change of their own profile. */
export class UpdateProfileDto {
  /** The language of your e-mail, one of the six; null follows your organisation's. */
  @ValidateIf((o: UpdateProfileDto) => o.language !== null)
  @IsIn(LOCALES)
  language: Locale | null;
}

export class UpdateUserDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** null detaches the user from their organisation (not allowed for a focal point). */
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;

  /** The language of the user's e-mail, one of the six; null follows the organisation's (else English). */
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale | null;

  /** false deactivates (every session ends at once); true reactivates. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** The version you read; a stale one answers 409 and changes nothing. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;

export class UserQueryDto {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: (typeof USER_STATUSES)[number];

  /** Part of a name or e-mail address. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @PageLimit(200)
  limit?: number = 50;

  @PageOffset()
  offset?: number = 0;
}
