/** Response shapes of the framework catalogue (read by the Swagger plugin; the snapshot is built to them). */
import type { Locale } from '@gcm/platform/pure';
import type { TextSource } from './i18n/catalogue-i18n';

/*
 * Catalogue texts are answered in the request's language (`?lang=`, `Accept-Language`).
 * Beside each translatable field `x`, `xLang` is the language the text is actually in
 * (`en` where no translation exists: mark it `lang="en"`) and `xSource` where it comes
 * from: `original` (the English source), `official` (a UN text loaded by the
 * secretariat) or `unofficial` (shipped with the platform; label it so). In English,
 * the source language, the markers are left out.
 */

export class ObjectiveThemeLink {
  number: number;
  code: string;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  /** Each objective has exactly one primary theme. */
  primary: boolean;
}

export class RecommendationLink {
  paragraph: number;
  shortTitle: string;
  shortTitleLang?: Locale;
  shortTitleSource?: TextSource;
}

export class ObjectiveView {
  number: number;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  shortLabel: string;
  shortLabelLang?: Locale;
  shortLabelSource?: TextSource;
  /** IMRF round table code (RT1…RT4). */
  roundTable: string | null;
  themes: ObjectiveThemeLink[];
  recommendations: RecommendationLink[];
}

export class ThemeObjectiveLink {
  number: number;
  primary: boolean;
}

export class CommitmentInTheme {
  code: string;
  position: number;
  text: string;
  textLang?: Locale;
  textSource?: TextSource;
  subItems: string[];
}

export class ThemeView {
  number: number;
  code: string;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  objectives: ThemeObjectiveLink[];
  commitments: CommitmentInTheme[];
}

export class CommitmentView extends CommitmentInTheme {
  /** Number of the ICMPD theme the commitment belongs to. */
  theme: number;
}

export class ConsiderationView {
  position: number;
  text: string;
  source: string;
}

export class RecommendationView {
  paragraph: number;
  shortTitle: string;
  shortTitleLang?: Locale;
  shortTitleSource?: TextSource;
  text: string;
  textLang?: Locale;
  textSource?: TextSource;
  source: string;
  objectives: number[];
  considerations: ConsiderationView[];
}

export class RoundTableObjective {
  number: number;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  shortLabel: string;
  shortLabelLang?: Locale;
  shortLabelSource?: TextSource;
}

/** A question put to a round table on one of its objectives; English as recorded (not translated). */
export class GuidingQuestionView {
  id: number;
  objective: number;
  /** 1-based order among the round table's questions on that objective. */
  position: number;
  text: string;
  /** The background note it was parsed from, or the secretariat. */
  source: string;
}

export class RoundTableView {
  code: string;
  number: number;
  title: string;
  titleLang?: Locale;
  titleSource?: TextSource;
  year: number;
  objectives: RoundTableObjective[];
  /** By objective, then position; absent from framework versions frozen before guiding questions were kept. */
  guidingQuestions?: GuidingQuestionView[];
}

/** A round table's guiding questions after an edit (or as they stand), with the framework version that holds them. */
export class GuidingQuestionsView {
  frameworkVersion: number;
  roundTable: string;
  questions: GuidingQuestionView[];
}

export class PrincipleView {
  /** a–j */
  key: string;
  name: string;
  nameLang?: Locale;
  nameSource?: TextSource;
  gist: string;
  gistLang?: Locale;
  gistSource?: TextSource;
}

export class CountryView {
  alpha3: string;
  alpha2: string;
  m49: string;
  /** In the request's language from CLDR (`Intl.DisplayNames`); in English the UN's short name. Region names likewise. */
  name: string;
  /** The language `name` is in (`en` when CLDR has no name for the code in the requested language). */
  nameLang?: Locale;
  region: string;
  regionM49: string;
  subregion: string;
  subregionM49: string;
  intermediateRegion: string | null;
  intermediateRegionM49: string | null;
  unStatus: 'member' | 'observer';
}

export class FrameworkVersionView {
  version: number;
}

/** A catalogue edit answers with the framework version it created. */
export class EditedRecommendationView extends RecommendationView {
  frameworkVersion: number;
}

export class ObjectiveThemesView {
  frameworkVersion: number;
  number: number;
  themes: ThemeObjectiveLink[];
}

export class TranslationView {
  entityKind: string;
  code: string;
  field: string;
  /** ar, zh, fr, ru or es. */
  locale: string;
  text: string;
  source: 'official' | 'unofficial';
}

/** What a translation import wrote: texts whose wording or source changed, by language. */
export class TranslationImportView {
  frameworkVersion: number;
  source: 'official' | 'unofficial';
  written: number;
  /** Texts written per language code. */
  languages: Record<string, number>;
  translations: TranslationView[];
}
