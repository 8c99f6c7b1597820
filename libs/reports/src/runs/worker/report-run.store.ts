import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { ReportKind } from '../../model/report-kind.types';
import type { RunStatus } from '../entities/report-run.entity';
import { ReportTarget } from '../report-target';

export interface RunRecord {
  id: string;
  status: RunStatus;
  target: ReportTarget;
  flowId: string | null;
  /** The flow's summary run (itself, for the summary): the key of the flow's data snapshot. */
  flowRootId: string | null;
  versionId: string | null;
}

/**
 * The worker's writes to report_run. Each is guarded by the status it
 * expects, so a cancelled run is never revived and a completed one never
 * rewritten, whatever order retries and crashed workers arrive in.
 */
@Injectable()
export class ReportRunStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<RunRecord | null> {
    const [r] = await this.dataSource.query(
      `SELECT r.id, r.status, r.kind, r.scope, r.language, r.flow_id AS "flowId", r.version_id AS "versionId", r.cycle_ids AS "cycleIds",
              CASE WHEN r.flow_id IS NOT NULL THEN coalesce(r.parent_run_id, r.id) END AS "flowRootId",
              ARRAY(SELECT c.code FROM unnest(r.cycle_ids) WITH ORDINALITY AS x(id, n) JOIN reporting_cycle c ON c.id = x.id ORDER BY x.n) AS codes
         FROM report_run r WHERE r.id = $1`,
      [id],
    );
    if (!r) return null;
    return {
      id: r.id,
      status: r.status,
      flowId: r.flowId,
      flowRootId: r.flowRootId,
      versionId: r.versionId,
      target: { kind: r.kind as ReportKind, scope: r.scope, cycleIds: r.cycleIds, cycleCodes: r.codes, language: r.language },
    };
  }

  /** queued (or running, after a crash) → running; false when the run was cancelled or finished meanwhile. */
  async start(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `UPDATE report_run SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()), error = NULL, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return rows[0].length > 0;
  }

  /** Records progress; false once the run is no longer running (cancelled meanwhile), so the build stops. */
  async progress(id: string, progress: number): Promise<boolean> {
    const [rows]: [{ id: string }[]] = await this.dataSource.query(
      `UPDATE report_run SET progress = greatest(progress, $2), updated_at = now() WHERE id = $1 AND status = 'running' RETURNING id`,
      [id, progress],
    );
    return rows.length > 0;
  }

  /** running → completed with its version, plus whatever else must commit with it (e.g. the cycle becoming compiled). */
  async complete(id: string, versionId: string, also?: (m: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [rows] = await m.query(
        `UPDATE report_run SET status = 'completed', version_id = $2, progress = 100, error = NULL, finished_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'running' RETURNING id`,
        [id, versionId],
      );
      if (rows.length === 0) return false;
      await this.audit.record(m, { action: 'report.run_completed', entityType: 'report_run', entityId: id, after: { status: 'completed', versionId } });
      await also?.(m);
      return true;
    });
  }

  /**
   * Records an attempt's error; the run is `failed` only when BullMQ will not
   * try again, with what kind of failure it was (`infra` ones are re-queued by
   * the reconcile job once the database answers).
   */
  async fail(id: string, error: string, final: boolean, kind: 'infra' | 'build' | null): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [rows] = await m.query(
        `UPDATE report_run SET status = $3::varchar, error = $2, failure_kind = CASE WHEN $3::varchar = 'failed' THEN $4::varchar END,
                finished_at = CASE WHEN $3::varchar = 'failed' THEN now() END, updated_at = now()
          WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
        [id, error.slice(0, 4000), final ? 'failed' : 'queued', kind],
      );
      if (final && rows.length > 0) {
        await this.audit.record(m, {
          action: 'report.run_failed', entityType: 'report_run', entityId: id, after: { status: 'failed', failureKind: kind, error: error.slice(0, 500) },
        });
      }
    });
  }
}
