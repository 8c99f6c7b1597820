import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PUBLICATION_KINDS, type PublicationKind } from '../publications.service';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? value : Number(value));

/** One filter at most: a country, an objective or a theme (or none: everything published). */
export class FeedQueryDto {
  /** ISO 3166-1 alpha-3 code of a country, e.g. `PHL`: pledges led by, or covering, it, and its State reports. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code, e.g. PHL' })
  country?: string;

  /** GCM objective number (1–23). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'objective must be a whole number from 1 to 23' })
  @Min(1)
  @Max(23)
  objective?: number;

  /** Theme number (1–5). */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'theme must be a whole number from 1 to 5' })
  @Min(1)
  @Max(5)
  theme?: number;

  /** Only publications of this kind. */
  @IsOptional()
  @IsIn(PUBLICATION_KINDS)
  kind?: PublicationKind;
}
