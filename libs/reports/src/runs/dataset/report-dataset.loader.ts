import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FrameworkService } from '@gcm/framework';
import { LOCALES } from '@gcm/platform/pure';
import { DataSource, EntityManager } from 'typeorm';
import type { CycleInput, ExpertReportInput, PracticeInput, ReportDataset } from '../../model/report-input.types';
import { catalogueInput } from './catalogue-input';
import {
  IndicatorRow, PledgeRow, UpdateRow, groupBy, indicatorInput, isoDate, isoInstant, namedPartner, organisationInput, pledgeInput, updateInput,
} from './dataset-rows';

export class ReportTargetGoneError extends Error {}

/** The content of an update leaves the database only once the secretariat has validated it. */
const validatedOnly = (col: string, blank: string) => `CASE WHEN u.editorial_status = 'validated' THEN ${col} ELSE ${blank} END`;

/** A cycle's columns as CycleInput; closedAt as pledge_owes_update reads it: the close of a closed (or compiled) cycle, else none (up to now). */
const CYCLE_COLUMNS = `id, code, ${isoDate('period_start')} AS "periodStart", ${isoDate('period_end')} AS "periodEnd", ${isoDate('deadline')} AS deadline,
  CASE WHEN status IN ('closed', 'compiled', 'compiled_with_failures') THEN ${isoInstant('closed_at')} END AS "closedAt"`;

/** Everything the reports of some cycles can draw on, as read at one instant. */
export interface LoadedDataset extends Omit<ReportDataset, 'snapshot'> {
  takenAt: string;
  frameworkVersion: number;
}

/**
 * Reads the data set of a span of cycles (plus the cycle before, for
 * comparison) with a fixed number of set-based queries, whatever the number
 * of pledges, in one REPEATABLE READ transaction so every part comes from
 * the same instant. Only published pledge versions, non-draft updates and
 * published expert reports are read, and no contact details; of updates not
 * validated, only what makes them count (lifecycle, dates, lateness), never
 * their content: nothing here may not end up in a published report.
 */
@Injectable()
export class ReportDatasetLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly framework: FrameworkService,
  ) {}

  async load(cycleIds: string[]): Promise<LoadedDataset> {
    const { version, snapshot } = await this.framework.catalogue();
    // The catalogue in each report language, for the translated titles (the slice of a report keeps its own language's).
    const localised = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, await this.framework.localised(l)] as const)));
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const takenAt = new Date().toISOString();
      const cycles = await this.cycles(m, cycleIds);
      const otherCycles = await this.otherCycles(m, cycles);
      const pledges = await this.pledges(m, cycles[0].periodStart, otherCycles.map((c) => c.id));
      const updates = await this.updates(m, cycles.map((c) => c.id));
      return {
        takenAt,
        frameworkVersion: version,
        catalogue: catalogueInput(snapshot, localised),
        cycles: cycles.map(({ id: _id, ...c }) => c),
        otherCycles: otherCycles.map(({ id: _id, ...c }) => c),
        organisations: await this.organisations(m, pledges, updates),
        pledges,
        updates,
        expertReports: await this.expertReports(m, cycles),
        practices: await this.practices(m),
      };
    });
  }

  /** The requested cycles plus the one before the earliest, for comparison. */
  private async cycles(m: EntityManager, ids: string[]): Promise<(CycleInput & { id: string })[]> {
    const rows = await m.query(
      `SELECT ${CYCLE_COLUMNS} FROM reporting_cycle WHERE id = ANY($1::uuid[])
       UNION ALL
       (SELECT ${CYCLE_COLUMNS} FROM reporting_cycle
         WHERE period_start < (SELECT min(period_start) FROM reporting_cycle WHERE id = ANY($1::uuid[])) ORDER BY period_start DESC LIMIT 1)
       ORDER BY "periodStart"`,
      [ids],
    );
    if (rows.length < ids.length) throw new ReportTargetGoneError('a reporting cycle of the report no longer exists');
    return rows;
  }

  /** Every other cycle that began before the last of `loaded`: the early warning's look-back (ReportDataset.otherCycles). */
  private async otherCycles(m: EntityManager, loaded: (CycleInput & { id: string })[]): Promise<(CycleInput & { id: string })[]> {
    return m.query(
      `SELECT ${CYCLE_COLUMNS} FROM reporting_cycle WHERE period_start < $1::date AND id <> ALL($2::uuid[]) ORDER BY period_start`,
      [loaded[loaded.length - 1].periodStart, loaded.map((c) => c.id)],
    );
  }

  /**
   * Every pledge ever published, withdrawn ones included, with the status its
   * validated updates gave it before `firstPeriodStart` and the other cycles
   * (`otherCycleIds`) in which it has a validated update.
   */
  private async pledges(m: EntityManager, firstPeriodStart: string, otherCycleIds: string[]) {
    const rows: PledgeRow[] = await m.query(
      `SELECT p.id, p.reference, p.title, p.description, p.form,
         p.lead_organisation_id AS "leadOrganisationId",
         ${isoInstant('p.first_published_at')} AS "publishedAt",
         ${isoInstant('p.withdrawn_at')} AS "withdrawnAt", p.withdrawn_reason AS "withdrawalReason",
         (SELECT u.status FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
           WHERE u.pledge_id = p.id AND u.editorial_status = 'validated' AND c.period_start < $1::date
           ORDER BY c.period_start DESC LIMIT 1) AS "statusBefore",
         coalesce(v.codes, '{}') AS "validatedInOtherCycles",
         ARRAY(SELECT objective_number FROM pledge_objective WHERE pledge_id = p.id ORDER BY 1)::int[] AS objectives,
         (SELECT objective_number FROM pledge_objective WHERE pledge_id = p.id AND is_primary)::int AS "primaryObjective",
         ARRAY(SELECT principle_key::text FROM pledge_principle WHERE pledge_id = p.id ORDER BY 1) AS principles,
         ARRAY(SELECT theme_number FROM pledge_theme WHERE pledge_id = p.id ORDER BY 1)::int[] AS themes,
         ARRAY(SELECT recommendation_paragraph FROM pledge_recommendation WHERE pledge_id = p.id ORDER BY 1)::int[] AS recommendations,
         ARRAY(SELECT commitment_code::text FROM pledge_commitment WHERE pledge_id = p.id ORDER BY 1) AS commitments,
         ARRAY(SELECT country_alpha3::text FROM pledge_country WHERE pledge_id = p.id ORDER BY 1) AS countries,
         ARRAY(SELECT region_m49::text FROM pledge_region WHERE pledge_id = p.id ORDER BY 1) AS regions,
         (SELECT coalesce(json_agg(json_build_object('organisationId', organisation_id, 'name', name) ORDER BY position), '[]')
            FROM pledge_partner WHERE pledge_id = p.id) AS partners,
         ${isoDate('p.start_date')} AS "startDate", ${isoDate('p.target_date')} AS "targetDate",
         p.budget_amount::text AS "budgetAmount", p.budget_currency::text AS "budgetCurrency"
       FROM pledge p
       -- One grouped pass over the other cycles' validated updates (a correlated sub-select per pledge took 6× longer).
       LEFT JOIN (SELECT u.pledge_id, array_agg(c.code::text ORDER BY c.period_start) AS codes
                    FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
                   WHERE u.editorial_status = 'validated' AND u.cycle_id = ANY($2::uuid[]) GROUP BY u.pledge_id) v ON v.pledge_id = p.id
       WHERE p.published_version IS NOT NULL
       ORDER BY p.reference`,
      [firstPeriodStart, otherCycleIds],
    );
    const indicators: IndicatorRow[] = await m.query(
      `SELECT pledge_id AS "pledgeId", id, name, unit, direction, baseline_value::text AS "baselineValue",
              ${isoDate('baseline_date')} AS "baselineDate", target_value::text AS "targetValue",
              ${isoDate('target_date')} AS "targetDate", sdg_indicator AS "sdgIndicator"
         FROM pledge_indicator i WHERE active AND EXISTS (SELECT 1 FROM pledge p WHERE p.id = i.pledge_id AND p.published_version IS NOT NULL)
         ORDER BY pledge_id, position`,
    );
    const byPledge = groupBy(indicators, (i) => i.pledgeId);
    return rows.map((r) => pledgeInput(r, (byPledge.get(r.id) ?? []).map(indicatorInput)));
  }

  private async updates(m: EntityManager, cycleIds: string[]) {
    const join = 'JOIN pledge p ON p.id = u.pledge_id JOIN reporting_cycle c ON c.id = u.cycle_id';
    const where = `u.cycle_id = ANY($1::uuid[]) AND u.editorial_status NOT IN ('draft', 'awaiting_approval') AND p.published_version IS NOT NULL`;
    const params = [cycleIds];
    const rows: UpdateRow[] = await m.query(
      `SELECT u.id, u.pledge_id AS "pledgeId", c.code AS "cycleCode", u.editorial_status AS lifecycle,
         ${isoInstant('u.submitted_at')} AS "submittedAt", ${isoInstant('u.validated_at')} AS "validatedAt",
         u.is_late AS late, u.after_extension AS "afterExtension", u.no_change AS reconfirmation, u.status, u.percent_complete AS "percentComplete",
         ${validatedOnly('u.actions_taken', "''")} AS "actionsTaken", ${validatedOnly('u.challenges', "''")} AS challenges,
         ${validatedOnly('u.next_steps', "''")} AS "nextSteps", ${validatedOnly('u.partner_contributions', "'[]'::jsonb")} AS contributions,
         ${validatedOnly('u.validated_warnings', 'NULL')} AS "validatedWarnings"
       FROM progress_update u ${join} WHERE ${where} ORDER BY p.reference, c.period_start`,
      params,
    );
    const measurements: { updateId: string; indicatorId: string; value: string; asOf: string; note: string | null }[] = await m.query(
      `SELECT x.update_id AS "updateId", x.indicator_id AS "indicatorId", x.value::text AS value, ${isoDate('x.as_of')} AS "asOf", x.note
         FROM progress_measurement x JOIN progress_update u ON u.id = x.update_id ${join}
        WHERE ${where} AND u.editorial_status = 'validated' ORDER BY x.update_id, x.position`,
      params,
    );
    const evidence: { updateId: string; title: string; url: string | null; sha256: string | null }[] = await m.query(
      `SELECT e.update_id AS "updateId", e.title, e.url, e.file_sha256 AS sha256
         FROM progress_evidence e JOIN progress_update u ON u.id = e.update_id ${join}
        WHERE ${where} AND u.editorial_status = 'validated' ORDER BY e.update_id, e.created_at, e.id`,
      params,
    );
    const mByUpdate = groupBy(measurements, (x) => x.updateId);
    const eByUpdate = groupBy(evidence, (x) => x.updateId);
    return rows.map((u) => updateInput(
      u,
      (mByUpdate.get(u.id) ?? []).map((x) => ({ indicatorId: x.indicatorId, value: Number(x.value), asOf: x.asOf, note: x.note })),
      (eByUpdate.get(u.id) ?? []).map((x) => ({ title: x.title, url: x.url, sha256: x.sha256 })),
    ));
  }

  /** Every organisation (a report may be about one without pledges), plus the partners the pledges only name. */
  private async organisations(m: EntityManager, pledges: ReportDataset['pledges'], updates: ReportDataset['updates']) {
    const ids = new Set<string>();
    for (const p of pledges) p.partnerOrganisationIds.forEach((id) => ids.add(id));
    for (const u of updates) u.partnerContributions.forEach((c) => ids.add(c.organisationId));
    const rows = await m.query('SELECT id, name, kind, country_alpha3 AS alpha3 FROM organisation ORDER BY name, id');
    const named = [...ids].filter((id) => id.startsWith('named:')).sort().map((id) => namedPartner(id.slice('named:'.length)));
    return [...rows.map(organisationInput), ...named];
  }

  private async expertReports(m: EntityManager, cycles: CycleInput[]): Promise<ExpertReportInput[]> {
    const first = Number(cycles[0].periodStart.slice(0, 4));
    const last = Number(cycles[cycles.length - 1].periodEnd.slice(0, 4));
    return m.query(
      `SELECT r.id, r.title, coalesce(r.mandate, o.name, u.name) AS author, r.year,
              CASE WHEN r.theme_number IS NULL THEN '{}'::int[] ELSE ARRAY[r.theme_number]::int[] END AS themes,
              CASE WHEN r.objective_number IS NULL THEN '{}'::int[] ELSE ARRAY[r.objective_number]::int[] END AS objectives,
              r.body AS summary, ${isoInstant('r.published_at')} AS "publishedAt"
         FROM expert_report r JOIN app_user u ON u.id = r.author_id LEFT JOIN organisation o ON o.id = u.organisation_id
        WHERE r.status = 'published' AND r.year BETWEEN $1 AND $2
        ORDER BY r.year, r.title, r.id`,
      [first, last],
    );
  }

  private practices(m: EntityManager): Promise<PracticeInput[]> {
    return m.query(
      `SELECT p.code, p.title, p.session_number AS "sessionNumber",
              ARRAY(SELECT o.objective_number FROM practice_session_objective o WHERE o.session_number = p.session_number ORDER BY 1)::int[] AS objectives,
              p.organisation, p.geographical_scope AS "geographicalScope", p.briefly_referred AS "brieflyReferred"
         FROM practice p ORDER BY string_to_array(p.code, '.')::int[]`,
    );
  }
}
