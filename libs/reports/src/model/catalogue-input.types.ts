import type { Locale } from '@gcm/platform/pure';

/**
 * The slice of the framework catalogue a report needs. It is a structural subset
 * of `CatalogueSnapshot` from `@gcm/framework` (a spec checks that the snapshot
 * is assignable), so a loader passes the snapshot of the framework version the
 * data was reported against, never the live tables.
 */
export interface CatalogueInput {
  /** All 23 objectives, any order. */
  objectives: CatalogueObjective[];
  themes: CatalogueTheme[];
  /** SG recommendations (A/76/642) by paragraph. */
  recommendations: CatalogueRecommendation[];
  roundTables: CatalogueRoundTable[];
  /** The 193 Member States and 2 observer States: the universe of "States". */
  countries: CatalogueCountry[];
  principles: { key: string; name: string }[];
  /**
   * Catalogue titles in the report languages other than English (the records
   * above are English), as the loader reads them from the framework's
   * translations and CLDR; a title without a row here is printed in English.
   * A report's slice keeps only the rows of its own language.
   */
  titles?: CatalogueTitle[];
}

/** What a catalogue title is of: an objective, its short label, a theme, commitment, region, country… */
export type CatalogueTitleKind =
  'objective' | 'objective_short' | 'theme' | 'commitment' | 'recommendation' | 'round_table' | 'region' | 'country' | 'principle';

/**
 * One translated title. Keys as the translations name them: objective number,
 * theme code (`T2`), commitment code, recommendation paragraph, round table
 * code, principle key, M49 code of a region, alpha-3 of a country.
 */
export interface CatalogueTitle {
  kind: CatalogueTitleKind;
  key: string;
  /** One of the six, never `en`. */
  locale: string;
  text: string;
}

export interface CatalogueObjective {
  number: number;
  title: string;
  shortLabel: string;
  /** Round table code such as `RT2`, or null. */
  roundTable: string | null;
  /** Crosswalk rows; exactly one has `primary: true`. */
  themes: { number: number; primary: boolean }[];
}

export interface CatalogueTheme {
  number: number;
  /** `T1` … `T5`. */
  code: string;
  title: string;
  commitments: { code: string; position: number; text: string }[];
}

export interface CatalogueRecommendation {
  paragraph: number;
  shortTitle: string;
  /** Objectives the recommendation bears on. */
  objectives: number[];
}

export interface CatalogueRoundTable {
  code: string;
  number: number;
  title: string;
  year: number;
  objectives: { number: number }[];
  /**
   * Questions put to the round table (seed 003, section 3 for RT2), by objective
   * then in the secretariat's order; kept in the framework catalogue
   * (`guiding_question`). Absent from framework versions frozen before they
   * were kept: the report then says none were recorded. `language`: the
   * language a question was written in; absent, the catalogue's source
   * language (English: `guiding_question` keeps no language of its own yet).
   */
  guidingQuestions?: { objective: number; text: string; language?: Locale }[];
}

export interface CatalogueCountry {
  /** ISO 3166-1 alpha-3, the key organisations point to. */
  alpha3: string;
  /** ISO 3166-1 alpha-2, the code CLDR names countries by. */
  alpha2: string;
  name: string;
  region: string;
  regionM49: string;
  subregion: string;
  subregionM49: string;
  intermediateRegion: string | null;
  intermediateRegionM49: string | null;
  unStatus: 'member' | 'observer';
}
