/** One section of the version's document with its commentary. */
export class EditorialSectionView {
  sectionId: string;
  /** The section's title in the edition's language. */
  title: string;
  /** Sanitised HTML; empty for none. */
  html: string;
}

/** An earlier version of the same report whose editorial text can be carried forward. */
export class EditorialCarryForwardView {
  versionId: string;
  number: number;
  /** Its editorial revision that would be copied. */
  revision: number;
  /** Sections it comments on that this version no longer has (their commentary would be dropped). */
  missingSections: string[];
}

export class ReportEditorialView {
  versionId: string;
  /** The optimistic-concurrency version (also the ETag); 0 while nothing was saved. Each save is a revision of this number. */
  version: number;
  /** Sanitised HTML of the introduction; empty for none. */
  introduction: string;
  /** Every section of the document, in order, with its commentary. */
  sections: EditorialSectionView[];
  updatedAt: Date | null;
  updatedBy: string | null;
  /** A published version's editorial text is frozen. */
  published: boolean;
  /** The revision the published files carry (null: unpublished, or published without editorial text). */
  publishedRevision: number | null;
  /** The latest earlier version of this report with editorial text, when this one has none yet or differs. */
  carryForward: EditorialCarryForwardView | null;
}

export class EditorialRevisionView {
  revision: number;
  createdAt: Date;
  createdBy: string | null;
  /** The version the text was carried forward from, if it was. */
  carriedFrom: string | null;
  introduction: string;
  commentarySections: number;
}

export class EditorialRevisionPage {
  items: EditorialRevisionView[];
  total: number;
}
