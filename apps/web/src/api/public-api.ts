import { clean, memo, ok, publicApi as http } from './client';
import { localCountry } from '../components/format';
import type { PracticeQuery } from './models';

/** The public read endpoints the pages use, one function each (memoised for anonymous visitors). */
export const publicApi = {
  objectives: () => memo('/api/v1/framework/objectives', () => ok(http.GET('/api/v1/framework/objectives'))),
  objective: (n: number) =>
    memo(`/api/v1/framework/objectives/${n}`, () => ok(http.GET('/api/v1/framework/objectives/{number}', { params: { path: { number: n } } }))),
  themes: () => memo('/api/v1/framework/themes', () => ok(http.GET('/api/v1/framework/themes'))),
  theme: (code: string) => memo(`/api/v1/framework/themes/${code}`, () => ok(http.GET('/api/v1/framework/themes/{key}', { params: { path: { key: code } } }))),
  roundTables: () => memo('/api/v1/framework/round-tables', () => ok(http.GET('/api/v1/framework/round-tables'))),
  roundTable: (code: string) =>
    memo(`/api/v1/framework/round-tables/${code}`, () => ok(http.GET('/api/v1/framework/round-tables/{code}', { params: { path: { code } } }))),
  recommendations: () => memo('/api/v1/framework/recommendations', () => ok(http.GET('/api/v1/framework/recommendations'))),
  recommendation: (p: number) =>
    memo(`/api/v1/framework/recommendations/${p}`, () =>
      ok(http.GET('/api/v1/framework/recommendations/{paragraph}', { params: { path: { paragraph: p } } })),
    ),
  principles: () => memo('/api/v1/framework/principles', () => ok(http.GET('/api/v1/framework/principles'))),
  /** Country and region names in the interface language (CLDR, Intl.DisplayNames); the API keeps the UN's English. */
  countries: () => memo('/api/v1/framework/countries', () => ok(http.GET('/api/v1/framework/countries')).then((list) => list.map(localCountry))),
  country: (code: string) =>
    memo(`/api/v1/framework/countries/${code}`, () => ok(http.GET('/api/v1/framework/countries/{code}', { params: { path: { code } } })).then(localCountry)),
  practices: (q: PracticeQuery) =>
    memo(`/api/v1/practices${JSON.stringify(clean(q))}`, () => ok(http.GET('/api/v1/practices', { params: { query: clean(q) } }))),
  practice: (code: string) => memo(`/api/v1/practices/${code}`, () => ok(http.GET('/api/v1/practices/{code}', { params: { path: { code } } }))),
  practiceSessions: () => memo('/api/v1/practices/sessions', () => ok(http.GET('/api/v1/practices/sessions'))),
};
