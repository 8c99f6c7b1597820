import { api, forgetCached } from './client';
import type { ObjectiveView, RecommendationView, ThemeView, PrincipleView, CountryView } from './types';

const fw = '/api/v1/framework';

export interface RecommendationInput {
  paragraph?: number;
  shortTitle: string;
  text: string;
  objectives: number[];
  considerations: string[];
  note?: string;
  frameworkVersion: number;
}

/**
 * The catalogue as the workspace reads it: always revalidated (the public
 * responses may be cached for minutes), and edits that forget the memo.
 */
export const frameworkApi = {
  version: () => api<{ version: number }>(`${fw}/version`, { auth: 'optional', fresh: true }),
  objectives: () => api<ObjectiveView[]>(`${fw}/objectives`, { auth: 'optional', fresh: true }),
  themes: () => api<ThemeView[]>(`${fw}/themes`, { auth: 'optional', fresh: true }),
  recommendations: () => api<RecommendationView[]>(`${fw}/recommendations`, { auth: 'optional', fresh: true }),
  recommendation: (p: number) => api<RecommendationView>(`${fw}/recommendations/${p}`, { auth: 'optional', fresh: true }),
  principles: () => api<PrincipleView[]>(`${fw}/principles`, { auth: 'optional' }),
  countries: () => api<CountryView[]>(`${fw}/countries`, { auth: 'optional' }),
  async addRecommendation(body: RecommendationInput) {
    const res = await api<RecommendationView & { frameworkVersion: number }>(`${fw}/recommendations`, { method: 'POST', body });
    forgetCached(fw);
    return res;
  },
  async updateRecommendation(paragraph: number, body: Omit<RecommendationInput, 'paragraph'>) {
    const res = await api<RecommendationView & { frameworkVersion: number }>(`${fw}/recommendations/${paragraph}`, { method: 'PATCH', body });
    forgetCached(fw);
    return res;
  },
  async setObjectiveThemes(objective: number, body: { themes: number[]; primary: number; note?: string; frameworkVersion: number }) {
    const res = await api<{ frameworkVersion: number }>(`${fw}/objectives/${objective}/themes`, { method: 'PUT', body });
    forgetCached(fw);
    return res;
  },
};
