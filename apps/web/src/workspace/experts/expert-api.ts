import { api, ok } from '../../api/client';
import type { ExpertReport, ExpertReportInput } from '../../api/models';

export type { ExpertReport, ExpertReportInput, ExpertReportStatus } from '../../api/models';

type Page = { items: ExpertReport[]; total: number; limit: number; offset: number };
/** The author and the secretariat always get the private fields (status, version, note). */
const mine = <T,>(call: Promise<T>) => call as Promise<never> as Promise<T extends { items: unknown[] } ? Page : ExpertReport>;

export const expertApi = {
  mine: (offset = 0) => mine(ok(api.GET('/api/v1/expert-reports/mine', { params: { query: { offset, limit: 100 } } }))),
  get: (id: string) => mine(ok(api.GET('/api/v1/expert-reports/{id}', { params: { path: { id } } }))),
  create: (body: ExpertReportInput) => mine(ok(api.POST('/api/v1/expert-reports', { body }))),
  update: (id: string, version: number, body: Partial<Omit<ExpertReportInput, 'theme' | 'objective'>>) =>
    mine(ok(api.PATCH('/api/v1/expert-reports/{id}', { params: { path: { id } }, body: { version, ...body } }))),
  submit: (id: string, version: number) => mine(ok(api.POST('/api/v1/expert-reports/{id}/submit', { params: { path: { id } }, body: { version } }))),
};

/** Only the author's draft or returned report can change (the API answers 409 otherwise). */
export const editable = (r: ExpertReport) => r.status === 'draft' || r.status === 'returned';

/** The secretariat's side: the queue of submitted reports, publish or return with a note. */
export const expertReviewApi = {
  submitted: () => mine(ok(api.GET('/api/v1/expert-reports', { params: { query: { status: 'submitted', limit: 100 } } }))),
  publish: (id: string, version: number) => mine(ok(api.POST('/api/v1/expert-reports/{id}/publish', { params: { path: { id } }, body: { version } }))),
  return: (id: string, version: number, note: string) =>
    mine(ok(api.POST('/api/v1/expert-reports/{id}/return', { params: { path: { id } }, body: { version, note } }))),
};
