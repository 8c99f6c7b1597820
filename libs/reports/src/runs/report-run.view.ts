import type { ReportKind } from '../model/report-kind.types';
import type { RunStatus } from './entities/report-run.entity';

/** A run as the secretariat sees it. */
export interface ReportRunView {
  id: string;
  kind: ReportKind;
  scope: string;
  cycleKey: string;
  cycles: string[];
  status: RunStatus;
  progress: number;
  error: string | null;
  /** Of a failed run: `infra` (unreachable database or Redis; re-queued by itself once they answer) or `build`. */
  failureKind: 'infra' | 'build' | null;
  attempts: number;
  flowId: string | null;
  parentRunId: string | null;
  requestedBy: string | null;
  versionId: string | null;
  versionNumber: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Select list for report_run aliased `r` (with report_version `v` left-joined). */
export const RUN_COLUMNS = `r.id, r.kind, r.scope, r.cycle_key AS "cycleKey", string_to_array(r.cycle_key, '+') AS cycles,
  r.status, r.progress, r.error, r.failure_kind AS "failureKind", r.attempts, r.flow_id AS "flowId", r.parent_run_id AS "parentRunId",
  r.requested_by AS "requestedBy", r.version_id AS "versionId", v.number AS "versionNumber",
  r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt"`;

export const RUN_FROM = 'report_run r LEFT JOIN report_version v ON v.id = r.version_id';
