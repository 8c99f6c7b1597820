import { api, forgetCached, ok, publicApi } from './client';
import { localCountry } from '../components/format';
import type { components } from './schema';

export type RecommendationInput = components['schemas']['CreateRecommendationDto'];
export type GuidingQuestions = components['schemas']['GuidingQuestionsView'];

/** Revalidate with the server instead of using the browser's HTTP cache (the public answers may be cached for minutes). */
const fresh = { cache: 'no-cache' } as const;

/** The catalogue as the workspace reads it: always revalidated, and edits that forget the memo. */
export const frameworkApi = {
  version: () => ok(publicApi.GET('/api/v1/framework/version', fresh)),
  objectives: () => ok(publicApi.GET('/api/v1/framework/objectives', fresh)),
  themes: () => ok(publicApi.GET('/api/v1/framework/themes', fresh)),
  recommendations: () => ok(publicApi.GET('/api/v1/framework/recommendations', fresh)),
  recommendation: (p: number) => ok(publicApi.GET('/api/v1/framework/recommendations/{paragraph}', { ...fresh, params: { path: { paragraph: p } } })),
  principles: () => ok(publicApi.GET('/api/v1/framework/principles')),
  countries: () => ok(publicApi.GET('/api/v1/framework/countries')).then((list) => list.map(localCountry)),
  async addRecommendation(body: RecommendationInput) {
    const res = await ok(api.POST('/api/v1/framework/recommendations', { body }));
    forgetCached('/api/v1/framework');
    return res;
  },
  async updateRecommendation(paragraph: number, body: components['schemas']['UpdateRecommendationDto']) {
    const res = await ok(api.PATCH('/api/v1/framework/recommendations/{paragraph}', { params: { path: { paragraph } }, body }));
    forgetCached('/api/v1/framework');
    return res;
  },
  roundTables: () => ok(publicApi.GET('/api/v1/framework/round-tables', fresh)),
  roundTable: (code: string) => ok(publicApi.GET('/api/v1/framework/round-tables/{code}', { ...fresh, params: { path: { code } } })),
  guidingQuestions: (code: string) => ok(api.GET('/api/v1/framework/round-tables/{code}/guiding-questions', { params: { path: { code } } })),
  async addGuidingQuestion(code: string, body: components['schemas']['CreateGuidingQuestionDto']) {
    const res = await ok(api.POST('/api/v1/framework/round-tables/{code}/guiding-questions', { params: { path: { code } }, body }));
    forgetCached('/api/v1/framework');
    return res;
  },
  async updateGuidingQuestion(code: string, id: number, body: components['schemas']['UpdateGuidingQuestionDto']) {
    const res = await ok(api.PATCH('/api/v1/framework/round-tables/{code}/guiding-questions/{id}', { params: { path: { code, id } }, body }));
    forgetCached('/api/v1/framework');
    return res;
  },
  async reorderGuidingQuestions(code: string, body: components['schemas']['ReorderGuidingQuestionsDto']) {
    const res = await ok(api.PUT('/api/v1/framework/round-tables/{code}/guiding-questions/order', { params: { path: { code } }, body }));
    forgetCached('/api/v1/framework');
    return res;
  },
  async removeGuidingQuestion(code: string, id: number, frameworkVersion: number) {
    const res = await ok(api.DELETE('/api/v1/framework/round-tables/{code}/guiding-questions/{id}', { params: { path: { code, id }, query: { frameworkVersion } } }));
    forgetCached('/api/v1/framework');
    return res;
  },
  async setObjectiveThemes(objective: number, body: components['schemas']['ObjectiveThemesDto']) {
    const res = await ok(api.PUT('/api/v1/framework/objectives/{number}/themes', { params: { path: { number: objective } }, body }));
    forgetCached('/api/v1/framework');
    return res;
  },
};
