import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, JobName, QueueService } from '@gcm/platform';
import { cyclePopulationSql } from '@gcm/reporting';
import { DataSource, EntityManager } from 'typeorm';
import { ReportRunsService } from './report-runs.service';
import { GLOBAL_SCOPE, ReportTarget } from './report-target';
import { ReportsConfig, flowLanguages } from './reports-config';

export interface CycleFlow {
  flowId: string;
  parentRunId: string;
  childRunIds: string[];
}

/**
 * The order a flow's reports are queued in (the worker takes them first in,
 * first out): the costliest kinds first, so that the long round-table and
 * objective reports do not land at the end of the flow with one worker slot
 * idle beside them (longest job first). State reports, the many short ones, last.
 */
const FLOW_ORDER: Record<string, number> = { round_table: 0, objective: 1, theme: 2, region: 3, state: 4 };

/** Run ids in flow order (FLOW_ORDER, then id, so that the same flow is always queued the same way). */
export function inFlowOrder(runs: { id: string; kind: string }[]): string[] {
  const rank = (kind: string) => FLOW_ORDER[kind] ?? Object.keys(FLOW_ORDER).length;
  return [...runs].sort((a, b) => rank(a.kind) - rank(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => r.id);
}

/** The flow of a cycle has a fixed id, so closing the same cycle again joins the runs still active instead of doubling them. */
export const flowIdOf = (cycleId: string) => `cycle-${cycleId}`;

/**
 * Closing a cycle queues its whole report set as one BullMQ flow: a report
 * per State with pledges owing an update, per objective, theme, M49 region
 * of those States and round table, and the IMRF summary as the parent,
 * which runs once every child has finished and then marks the cycle compiled
 * (or compiled_with_failures, when a child did not complete). Every report is
 * built in the secretariat's default language (REPORT_DEFAULT_LANGUAGE, the
 * parent summary's) and in each of REPORT_FLOW_LANGUAGES; the summary in a
 * further language is a child like the others.
 */
@Injectable()
export class ReportFlowService {
  private readonly logger = new Logger(ReportFlowService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: ReportRunsService,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    private readonly config: ReportsConfig,
  ) {}

  async createRuns(m: EntityManager, cycle: { id: string; code: string }, requestedBy: string | null): Promise<CycleFlow> {
    const flowId = flowIdOf(cycle.id);
    const [language, ...further] = flowLanguages(this.config);
    const languages = [language, ...further];
    const summary: ReportTarget = { kind: 'imrf_summary', scope: GLOBAL_SCOPE, cycleCodes: [cycle.code], cycleIds: [cycle.id], language };
    const parent = { id: await this.summaryRun(m, summary, requestedBy, flowId) };
    // States leading a pledge of the cycle's population: exactly the States the summary counts as owing.
    // Every report in every language of the flow, and the summary in the further languages.
    const targets = (all: string, extra: string) => `
      WITH states AS (
        SELECT DISTINCT o.country_alpha3 AS scope, c.region_m49
          FROM ${cyclePopulationSql('$1::uuid')} x
          JOIN organisation o ON o.id = x.lead_organisation_id JOIN country c ON c.alpha3 = o.country_alpha3
         WHERE o.kind = 'state')
      , reports AS (
        SELECT 'state' AS kind, scope FROM states
        UNION SELECT 'region', region_m49 FROM states
        UNION SELECT 'objective', number::text FROM objective
        UNION SELECT 'theme', 'T' || number FROM theme
        UNION SELECT 'round_table', code FROM round_table)
      SELECT r.kind, r.scope, l.language FROM reports r CROSS JOIN unnest(${all}::text[]) AS l(language)
      UNION ALL SELECT 'imrf_summary', '${GLOBAL_SCOPE}', l.language FROM unnest(${extra}::text[]) AS l(language)`;
    const created: { id: string }[] = await m.query(
      `INSERT INTO report_run (kind, scope, cycle_key, cycle_id, cycle_ids, requested_by, flow_id, parent_run_id, language)
       SELECT t.kind, t.scope, $2, $1, ARRAY[$1]::uuid[], $3, $4, $5, t.language FROM (${targets('$6', '$7')}) t
       ON CONFLICT (kind, scope, cycle_key, language) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING id`,
      [cycle.id, cycle.code, requestedBy, flowId, parent.id, languages, further],
    );
    // Runs of the set already active (requested singly before the close) join the flow.
    const [children]: [{ id: string; kind: string }[]] = await m.query(
      `UPDATE report_run r SET flow_id = $3, parent_run_id = $4, updated_at = now()
         FROM (${targets('$5', '$6')}) t
        WHERE r.kind = t.kind AND r.scope = t.scope AND r.language = t.language AND r.cycle_key = $2 AND r.status IN ('queued', 'running')
        RETURNING r.id, r.kind`,
      [cycle.id, cycle.code, flowId, parent.id, languages, further],
    );
    await this.audit.record(m, {
      action: 'report.flow_requested', entityType: 'reporting_cycle', entityId: cycle.id,
      after: { cycle: cycle.code, flowId, languages, summaryRunId: parent.id, runs: children.length + 1, created: created.length },
    });
    return { flowId, parentRunId: parent.id, childRunIds: inFlowOrder(children) };
  }

  /** A new summary run, or the active one (requested singly before the close) taken into the flow. */
  private async summaryRun(m: EntityManager, summary: ReportTarget, requestedBy: string | null, flowId: string): Promise<string> {
    for (;;) {
      const id = await this.runs.insertActive(m, summary, { requestedBy, flowId });
      if (id) return id;
      const [rows]: [{ id: string }[]] = await m.query(
        `UPDATE report_run SET flow_id = $3, updated_at = now()
          WHERE kind = 'imrf_summary' AND scope = $1 AND cycle_key = $2 AND language = $4 AND status IN ('queued', 'running') RETURNING id`,
        [summary.scope, summary.cycleCodes[0], flowId, summary.language],
      );
      if (rows.length > 0) return rows[0].id;
    }
  }

  /** Adds the flow; job ids are run ids, so adding it again (reconcile, a second close) keeps the jobs that exist. */
  async enqueue(flow: CycleFlow): Promise<void> {
    await this.queues.enqueueFlow(
      { name: JobName.ReportCompile, data: { runId: flow.parentRunId }, opts: { jobId: flow.parentRunId } },
      flow.childRunIds.map((id) => ({
        name: JobName.ReportBuild,
        data: { runId: id },
        // A child that fails for good (a build error, or an outage past REPORT_INFRA_RETRY_MINUTES) must not hold the
        // summary back: the summary still runs, finds the failed run in the database and leaves the cycle
        // compiled_with_failures, which names it; retrying the cycle's failed reports then compiles it.
        opts: { jobId: id, ignoreDependencyOnFailure: true },
      })),
    );
    this.logger.log({ flowId: flow.flowId, children: flow.childRunIds.length }, 'report flow enqueued');
  }

  /** The flow of a cycle as stored, for the reconcile job. */
  async storedFlow(flowId: string): Promise<CycleFlow | null> {
    const rows: { id: string; kind: string; parent: boolean }[] = await this.dataSource.query(
      `SELECT id, kind, parent_run_id IS NULL AS parent FROM report_run WHERE flow_id = $1 AND status IN ('queued', 'running')`,
      [flowId],
    );
    const parent = rows.find((r) => r.parent);
    if (!parent) return null;
    return { flowId, parentRunId: parent.id, childRunIds: inFlowOrder(rows.filter((r) => !r.parent)) };
  }
}
