import { currentLocale, DomainError } from '@gcm/platform';
import type { EntityManager } from 'typeorm';
import type { ImplementationStatus } from '@gcm/pledges';
import type { CycleStatus } from '../domain/lifecycle';
import { plausibilityWarnings } from '../domain/plausibility';
import { cyclePopulationSql } from '../population/cycle-population.sql';
import type { WorkbenchIndicator, WorkbenchLink, WorkbenchMeasurement, WorkbenchRow } from './workbench.view';

export interface WorkbenchCycleRow {
  id: string;
  code: string;
  status: CycleStatus;
  periodStart: string;
  periodEnd: string;
  deadline: string;
}

export async function loadCycle(m: EntityManager, code: string): Promise<WorkbenchCycleRow> {
  const [cycle] = await m.query(
    `SELECT id, code, status, to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd",
       to_char(deadline, 'YYYY-MM-DD') AS deadline FROM reporting_cycle WHERE code = $1`,
    [code],
  );
  if (!cycle) throw DomainError.notFound('Reporting cycle');
  return cycle;
}

/**
 * Every pledge of the organisation that owes the cycle an update (the cycle
 * population, the one rule), with this cycle's update and the latest earlier
 * submitted or validated one beside it. Five set-based reads whatever the
 * organisation's size; `only` narrows to some pledges (bulk actions).
 */
export async function loadWorkbenchRows(m: EntityManager, organisationId: string, cycle: WorkbenchCycleRow, only?: string[]): Promise<WorkbenchRow[]> {
  const base: Record<string, unknown>[] = await m.query(
    `SELECT p.id AS "pledgeId", p.reference, p.title, to_char(p.target_date, 'YYYY-MM-DD') AS "targetDate", p.published_version AS "publishedVersion",
       u.id AS "updateId", u.editorial_status AS "editorialStatus", u.status, u.percent_complete AS "percentComplete", u.version,
       u.no_change AS "noChange", u.is_late AS "isLate", u.updated_at AS "updatedAt",
       u.actions_taken AS "actionsTaken", u.challenges, u.next_steps AS "nextSteps", r.comment AS "returnedComment",
       prev.id AS "prevId", prev.code AS "prevCycle", prev.status AS "prevStatus", prev.percent_complete AS "prevPercent"
     FROM ${cyclePopulationSql('$1::uuid')} x
     JOIN pledge p ON p.id = x.pledge_id
     LEFT JOIN progress_update u ON u.pledge_id = p.id AND u.cycle_id = $1
     LEFT JOIN LATERAL (SELECT comment FROM progress_update_review WHERE update_id = u.id AND decision = 'returned'
       ORDER BY created_at DESC LIMIT 1) r ON u.editorial_status = 'returned'
     LEFT JOIN LATERAL (SELECT pu.id, pc.code, pu.status, pu.percent_complete FROM progress_update pu JOIN reporting_cycle pc ON pc.id = pu.cycle_id
       WHERE pu.pledge_id = p.id AND pc.period_end < $3::date AND pu.editorial_status IN ('submitted', 'validated')
       ORDER BY pc.period_end DESC LIMIT 1) prev ON true
     WHERE x.lead_organisation_id = $2 AND ($4::uuid[] IS NULL OR p.id = ANY($4::uuid[]))
     ORDER BY p.reference`,
    [cycle.id, organisationId, cycle.periodStart, only ?? null],
  );
  const pledgeIds = base.map((r) => r.pledgeId as string);
  const updateIds = base.flatMap((r) => [r.updateId, r.prevId].filter((x): x is string => typeof x === 'string'));
  const [indicators, measurements, links] = await Promise.all([
    m.query(
      `SELECT pledge_id AS "pledgeId", id, name, unit, direction, baseline_value::float8 AS "baselineValue", target_value::float8 AS "targetValue",
         to_char(target_date, 'YYYY-MM-DD') AS "targetDate" FROM pledge_indicator WHERE pledge_id = ANY($1::uuid[]) AND active ORDER BY pledge_id, position`,
      [pledgeIds],
    ) as Promise<(WorkbenchIndicator & { pledgeId: string })[]>,
    m.query(
      `SELECT update_id AS "updateId", indicator_id AS "indicatorId", value::float8 AS value, to_char(as_of, 'YYYY-MM-DD') AS "asOf"
       FROM progress_measurement WHERE update_id = ANY($1::uuid[]) ORDER BY update_id, position`,
      [updateIds],
    ) as Promise<(WorkbenchMeasurement & { updateId: string })[]>,
    m.query(
      `SELECT update_id AS "updateId", url, title, link_outcome AS "linkOutcome" FROM progress_evidence
       WHERE update_id = ANY($1::uuid[]) AND kind = 'url' ORDER BY update_id, created_at, id`,
      [updateIds],
    ) as Promise<(WorkbenchLink & { updateId: string; linkOutcome: string | null })[]>,
  ]);
  const group = <T extends Record<K, string>, K extends string>(rows: T[], key: K) => {
    const map = new Map<string, Omit<T, K>[]>();
    for (const row of rows) {
      const { [key]: k, ...rest } = row;
      map.set(k, [...(map.get(k) ?? []), rest]);
    }
    return map;
  };
  const indicatorsOf = group(indicators, 'pledgeId');
  const measurementsOf = group(measurements, 'updateId');
  const checksOf = group(links, 'updateId');
  // The row's links stay the workbench's shape; the checks' outcomes feed the warnings only.
  const linksOf = new Map([...checksOf].map(([k, list]) => [k, list.map(({ url, title }) => ({ url, title }))]));
  const open = cycle.status === 'open';
  return base.map((r) => {
    const updateId = r.updateId as string | null;
    const prevId = r.prevId as string | null;
    const update = updateId
      ? {
          id: updateId, editorialStatus: r.editorialStatus, status: r.status, percentComplete: r.percentComplete, version: r.version,
          noChange: r.noChange, isLate: r.isLate, actionsTaken: r.actionsTaken, challenges: r.challenges, nextSteps: r.nextSteps, returnedComment: r.returnedComment ?? null, updatedAt: r.updatedAt,
          measurements: measurementsOf.get(updateId) ?? [], links: linksOf.get(updateId) ?? [],
        }
      : null;
    const previous = prevId
      ? {
          updateId: prevId, cycle: r.prevCycle, status: r.prevStatus, percentComplete: r.prevPercent,
          measurements: measurementsOf.get(prevId) ?? [], links: linksOf.get(prevId) ?? [],
        }
      : null;
    const indicatorsOfRow = indicatorsOf.get(r.pledgeId as string) ?? [];
    const warnings = update
      ? plausibilityWarnings({
          status: update.status as ImplementationStatus, percentComplete: update.percentComplete as number, pledgeTargetDate: (r.targetDate as string | null) ?? null,
          periodEnd: cycle.periodEnd, indicators: indicatorsOfRow, measurements: update.measurements,
          previous: previous ? { percentComplete: previous.percentComplete as number, measurements: previous.measurements } : null,
          links: checksOf.get(updateId!) ?? [],
        }, currentLocale())
      : [];
    return {
      pledgeId: r.pledgeId, warnings, reference: r.reference, title: r.title, targetDate: r.targetDate, publishedVersion: r.publishedVersion,
      indicators: indicatorsOfRow,
      previous, update,
      state: update ? update.editorialStatus : 'missing',
      canReconfirm: open && !update && !!previous,
    } as WorkbenchRow;
  });
}
