import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

/** Input caps: the raw HTML an editor may send (markup included). */
export const INTRODUCTION_MAX = 20_000;
export const COMMENTARY_MAX = 8_000;

export class SectionCommentaryDto {
  /** The id of a section of the version's document (see `sections` of the editorial view). */
  @IsString()
  @MaxLength(80)
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'sectionId must be a section id of the report' })
  sectionId: string;

  /** Rich text (HTML: h3, h4, p, ul, ol, li, a, strong, em, br); anything else is stripped. */
  @IsString()
  @MaxLength(COMMENTARY_MAX)
  html: string;
}

export class SaveEditorialDto {
  /** Rich text (HTML) of the introduction; empty for none. */
  @IsString()
  @MaxLength(INTRODUCTION_MAX)
  introduction: string;

  /** Commentary per section; a section left out has none. */
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => SectionCommentaryDto)
  commentary: SectionCommentaryDto[];

  /** The version this save is based on (or send If-Match); 0 for the first save. */
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class CarryForwardDto {
  /** An earlier version of the same report (kind, scope, cycles, language) whose editorial text to copy. */
  @IsUUID()
  fromVersionId: string;

  /** The version of this version's editorial text the copy replaces (or send If-Match); 0 when it has none. */
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}
