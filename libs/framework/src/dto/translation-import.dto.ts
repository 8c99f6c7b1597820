import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { trim } from '@gcm/platform';
import { TRANSLATION_SOURCES, type TranslationSource } from '../entities';

/** The form fields beside the workbook file. */
export class TranslationImportDto {
  /** `official` for texts taken from a UN document (the default), `unofficial` for the platform's own. */
  @IsOptional()
  @IsIn(TRANSLATION_SOURCES)
  source?: TranslationSource;

  /** The framework version the workbook was exported from; another answers 409. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  frameworkVersion?: number;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  note?: string;
}
