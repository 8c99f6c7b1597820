import { ApiError, api, ok } from './client';
import type { components } from './schema';

type S = components['schemas'];
export type PracticeImportWarning = S['PracticeImportWarningView'];
export type PracticeImportSummary = S['PracticeImportSummaryView'];
export type PracticeImport = S['PracticeImportView'];

const fresh = { cache: 'no-cache' } as const;

/** The secretariat's view of the practices import runs and what the parser warned about. */
export const practiceImportsApi = {
  runs: () => ok(api.GET('/api/v1/practices/imports', { ...fresh, params: { query: { limit: 20 } } })),
  /** The newest run, or null before the first import. */
  latest: () =>
    ok(api.GET('/api/v1/practices/imports/latest', fresh)).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'not_found') return null;
      throw e;
    }),
  run: (id: string) => ok(api.GET('/api/v1/practices/imports/{id}', { ...fresh, params: { path: { id } } })),
};
