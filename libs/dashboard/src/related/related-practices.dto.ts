import { PageLimit } from '@gcm/platform';

export class RelatedPracticesQueryDto {
  @PageLimit(20)
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
