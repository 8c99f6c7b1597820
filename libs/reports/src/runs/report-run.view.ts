export type { ReportRunView } from './report.view';

/** Select list for report_run aliased `r` (with report_version `v` left-joined). */
export const RUN_COLUMNS = `r.id, r.kind, r.scope, r.cycle_key AS "cycleKey", string_to_array(r.cycle_key, '+') AS cycles, r.language,
  r.status, r.progress, r.error, r.failure_kind AS "failureKind", r.attempts, r.flow_id AS "flowId", r.parent_run_id AS "parentRunId",
  r.requested_by AS "requestedBy", r.version_id AS "versionId", v.number AS "versionNumber",
  r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt"`;

export const RUN_FROM = 'report_run r LEFT JOIN report_version v ON v.id = r.version_id';
