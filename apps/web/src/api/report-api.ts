import { api, clean, ok } from './client';
import type { ReportKind, RunFilter } from './models';
import type { operations } from './schema';

export { REPORT_KINDS, RUN_STATUSES } from './models';
export type { ReportFormat, ReportKind, ReportRun, ReportVersion, RunFilter, RunStatus } from './models';

type VersionFilter = NonNullable<operations['ReportRunsController_listVersions']['parameters']['query']>;

export const reportApi = {
  runs: (f: RunFilter) => ok(api.GET('/api/v1/reports/runs', { params: { query: clean({ ...f, limit: 100 }) } })),
  request: (body: { kind: ReportKind; scope?: string; cycle?: string; cycles?: string[] }) => ok(api.POST('/api/v1/reports/requests', { body })),
  retry: (id: string) => ok(api.POST('/api/v1/reports/runs/{id}/retry', { params: { path: { id } } })),
  cancel: (id: string) => ok(api.POST('/api/v1/reports/runs/{id}/cancel', { params: { path: { id } } })),
  versions: (f: VersionFilter) => ok(api.GET('/api/v1/reports/versions', { params: { query: clean({ ...f, limit: 100 }) } })),
  publish: (id: string) => ok(api.POST('/api/v1/reports/versions/{id}/publish', { params: { path: { id } } })),
  /** All or none; a refusal (`invalid_state`) names each refused version in its details. */
  publishMany: (ids: string[]) => ok(api.POST('/api/v1/reports/versions/publish', { body: { ids } })),
  version: (versionId: string) => ok(api.GET('/api/v1/reports/{versionId}', { params: { path: { versionId } } })),
  editorial: (versionId: string) => ok(api.GET('/api/v1/reports/versions/{versionId}/editorial', { params: { path: { versionId } } })),
  /** `version` is the one read (0 before the first save): a save in between answers 409. */
  saveEditorial: (versionId: string, body: { introduction: string; commentary: { sectionId: string; html: string }[]; version: number }) =>
    ok(api.PUT('/api/v1/reports/versions/{versionId}/editorial', { params: { path: { versionId } }, body })),
  carryForward: (versionId: string, fromVersionId: string, version: number) =>
    ok(api.POST('/api/v1/reports/versions/{versionId}/editorial/carry-forward', { params: { path: { versionId } }, body: { fromVersionId, version } })),
  previewUrl: (versionId: string, format: string) => `/api/v1/reports/versions/${versionId}/editorial/preview.${format}`,
  /** Sets the HttpOnly cookie that lets this browser open the queue monitor's pages. */
  openMonitor: () => ok(api.POST('/api/v1/admin/queues/session')),
};
