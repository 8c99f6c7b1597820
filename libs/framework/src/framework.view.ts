/** Response shapes of the framework catalogue (read by the Swagger plugin; the snapshot is built to them). */

export class ObjectiveThemeLink {
  number: number;
  code: string;
  title: string;
  /** Each objective has exactly one primary theme. */
  primary: boolean;
}

export class RecommendationLink {
  paragraph: number;
  shortTitle: string;
}

export class ObjectiveView {
  number: number;
  title: string;
  shortLabel: string;
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
  subItems: string[];
}

export class ThemeView {
  number: number;
  code: string;
  title: string;
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
  text: string;
  source: string;
  objectives: number[];
  considerations: ConsiderationView[];
}

export class RoundTableObjective {
  number: number;
  title: string;
  shortLabel: string;
}

export class RoundTableView {
  code: string;
  number: number;
  title: string;
  year: number;
  objectives: RoundTableObjective[];
}

export class PrincipleView {
  /** a–j */
  key: string;
  name: string;
  gist: string;
}

export class CountryView {
  alpha3: string;
  alpha2: string;
  m49: string;
  name: string;
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
