import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RelatedPracticesQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number = 5;
}

export class RelatedPractice {
  code: string;
  title: string;
  organisation: string | null;
  sessionCode: string;
  sessionTitle: string;
  /** The pledge's objectives quoted by the card's dialogue session. */
  sharedObjectives: number[];
  /** ts_rank of the card's text against the pledge's title and description (0 when nothing matches). */
  textScore: number;
}

export class RelatedPractices {
  reference: string;
  items: RelatedPractice[];
}
