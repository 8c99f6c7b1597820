/** Shapes of the public API's JSON (libs/framework framework.snapshot.ts, libs/practices practices.service.ts). */
export interface ObjectiveView {
  number: number;
  title: string;
  shortLabel: string;
  roundTable: string | null;
  themes: { number: number; code: string; title: string; primary: boolean }[];
  recommendations: { paragraph: number; shortTitle: string }[];
}

export interface ThemeView {
  number: number;
  code: string;
  title: string;
  objectives: { number: number; primary: boolean }[];
  commitments: { code: string; position: number; text: string; subItems: string[] }[];
}

export interface RecommendationView {
  paragraph: number;
  shortTitle: string;
  text: string;
  source: string;
  objectives: number[];
  considerations: { position: number; text: string; source: string }[];
}

export interface RoundTableView {
  code: string;
  number: number;
  title: string;
  year: number;
  objectives: { number: number; title: string; shortLabel: string }[];
}

export interface PrincipleView {
  key: string;
  name: string;
  gist: string;
}

export interface CountryView {
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

export interface Practice {
  code: string;
  sessionNumber: number;
  sessionCode: string;
  sessionTitle: string;
  title: string;
  brieflyReferred: boolean;
  organisation: string | null;
  period: string | null;
  geographicalScope: string | null;
  description: string | null;
  impacts: string | null;
  lessonsLearned: string | null;
  resources: string | null;
  contact: string | null;
  objectives: number[];
}

export interface PracticePage {
  items: Practice[];
  total: number;
  limit: number;
  offset: number;
}

export interface PracticeSession {
  number: number;
  code: string;
  part: number;
  title: string;
  objectives: { number: number; quotedTitle: string }[];
  practices: number;
}

export interface PracticeQuery {
  q?: string;
  objective?: number;
  session?: number;
  brieflyReferred?: boolean;
  limit?: number;
  offset?: number;
}
