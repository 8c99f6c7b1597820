import { getJson, query } from './client';
import type {
  CountryView,
  ObjectiveView,
  PracticePage,
  PracticeQuery,
  PracticeSession,
  Practice,
  PrincipleView,
  RecommendationView,
  RoundTableView,
  ThemeView,
} from './types';

const framework = '/api/v1/framework';

/** The public read endpoints the pages use, one function each. */
export const publicApi = {
  objectives: () => getJson<ObjectiveView[]>(`${framework}/objectives`),
  objective: (n: number) => getJson<ObjectiveView>(`${framework}/objectives/${n}`),
  themes: () => getJson<ThemeView[]>(`${framework}/themes`),
  theme: (code: string) => getJson<ThemeView>(`${framework}/themes/${encodeURIComponent(code)}`),
  roundTables: () => getJson<RoundTableView[]>(`${framework}/round-tables`),
  roundTable: (code: string) => getJson<RoundTableView>(`${framework}/round-tables/${encodeURIComponent(code)}`),
  recommendations: () => getJson<RecommendationView[]>(`${framework}/recommendations`),
  recommendation: (p: number) => getJson<RecommendationView>(`${framework}/recommendations/${p}`),
  principles: () => getJson<PrincipleView[]>(`${framework}/principles`),
  countries: () => getJson<CountryView[]>(`${framework}/countries`),
  country: (code: string) => getJson<CountryView>(`${framework}/countries/${encodeURIComponent(code)}`),
  practices: (q: PracticeQuery) => getJson<PracticePage>(`/api/v1/practices${query({ ...q })}`),
  practice: (code: string) => getJson<Practice>(`/api/v1/practices/${encodeURIComponent(code)}`),
  practiceSessions: () => getJson<PracticeSession[]>('/api/v1/practices/sessions'),
};
