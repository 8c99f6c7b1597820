import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind, STAKEHOLDER_KINDS } from '../entities';
import { trim, trimLower } from './auth.dto';
import { IsLanguageTag, PageLimit, PageOffset } from '@gcm/platform';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

/** Contact details an organisation's own focal point may keep current. */
export class UpdateOwnOrganisationDto {
  /** Private: never shown to the public. null clears it. */
  @IsOptional()
  @Transform(trimLower)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'website must be an http(s) URL' })
  @MaxLength(500)
  website?: string | null;

  /** BCP 47 tag of the language the organisation writes in (canonicalised): the default of its pledges, updates and users' e-mail. */
  @ValidateIf((o: { language?: unknown }) => o.language !== undefined)
  @IsLanguageTag()
  language?: string;

  /** The version you read; a stale one answers 409 and changes nothing. */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class UpdateOrganisationDto extends UpdateOwnOrganisationDto {
  /** Stakeholder organisations only: a State's name follows the country list. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 300)
  name?: string;

  @IsOptional()
  @IsIn(STAKEHOLDER_KINDS, { message: `kind must be one of ${STAKEHOLDER_KINDS.join(', ')} (States come from the country list)` })
  kind?: Exclude<OrganisationKind, 'state'>;
}

export class CreateOrganisationDto {
  @IsIn(STAKEHOLDER_KINDS, { message: `kind must be one of ${STAKEHOLDER_KINDS.join(', ')} (States come from the country list)` })
  kind: Exclude<OrganisationKind, 'state'>;

  @Transform(trim)
  @IsString()
  @Length(2, 300)
  name: string;

  @IsOptional()
  @Transform(trimLower)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @MaxLength(254)
  contactEmail?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'website must be an http(s) URL' })
  @MaxLength(500)
  website?: string;

  /** BCP 47 tag of the language the organisation writes in (canonicalised): the default of its pledges, updates and users' e-mail. */
  @ValidateIf((o: { language?: unknown }) => o.language !== undefined)
  @IsLanguageTag()
  language?: string;
}

export class OrganisationQueryDto {
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  /** Part of the name. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  /** ISO alpha-3 of a State. */
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'country must be an ISO alpha-3 code' })
  country?: string;

  @PageLimit(500)
  limit?: number = 100;

  @PageOffset()
  offset?: number = 0;
}
