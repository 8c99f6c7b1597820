import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FrameworkService } from '@gcm/framework';
import { DataSource, EntityManager } from 'typeorm';
import type { CycleInput, ExpertReportInput, PracticeInput, ReportDataset } from '../../model/report-input.types';
import type { ReportInput } from '../../model/report-kind.types';
import { ReportTarget, builderScope } from '../report-target';
import { catalogueInput } from './catalogue-input';
import {
  IndicatorRow, PledgeRow, UpdateRow, groupBy, indicatorInput, isoDate, isoInstant, namedPartner, organisationInput, pledgeInput, updateInput,
} from './dataset-rows';
import { DatasetSlice, datasetSlice } from './dataset-slice';

export class ReportTargetGoneError extends Error {}

/**
 * Reads what one report needs with a fixed number of set-based queries (no
 * per-pledge round trips), in one REPEATABLE READ transaction so every part
 * comes from the same instant. Only published pledge versions, non-draft
 * updates and published expert reports are read; no contact details.
 */
@Injectable()
export class ReportDatasetLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly framework: FrameworkService,
  ) {}

  async load(target: ReportTarget): Promise<ReportInput> {
    const { version, snapshot } = await this.framework.catalogue();
    const catalogue = catalogueInput(snapshot);
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const cycles = await this.cycles(m, target.cycleIds);
      const organisationId = target.kind === 'state' ? await this.organisationOf(m, target.scope) : null;
      const rt = catalogue.roundTables.find((r) => r.code === target.scope);
      const sliceAt = (first: number) => datasetSlice(target.kind, {
        organisationId: organisationId ?? undefined,
        number: target.kind === 'theme' ? Number(target.scope.slice(1)) : Number(target.scope),
        m49: target.scope,
        objectives: rt?.objectives.map((o) => o.number),
      }, first);
      const pledges = await this.pledges(m, sliceAt(1));
      const updates = await this.updates(m, sliceAt(2), cycles.map((c) => c.id));
      const organisations = await this.organisations(m, pledges, updates, organisationId);
      const dataset: Omit<ReportDataset, 'snapshot'> = {
        catalogue,
        cycles: cycles.map(({ id: _id, ...c }) => c),
        organisations,
        pledges,
        updates,
        expertReports: await this.expertReports(m, cycles),
        practices: await this.practices(m),
      };
      return {
        // The hash is taken by the caller over everything but the snapshot, then put here.
        snapshot: { id: '', takenAt: new Date().toISOString(), frameworkVersion: version },
        ...dataset,
        scope: builderScope(target, organisationId),
      };
    });
  }

  /** The requested cycles plus the one before the earliest, for comparison. */
  private async cycles(m: EntityManager, ids: string[]): Promise<(CycleInput & { id: string })[]> {
    const cols = `id, code, ${isoDate('period_start')} AS "periodStart", ${isoDate('period_end')} AS "periodEnd", ${isoDate('deadline')} AS deadline`;
    const rows = await m.query(
      `SELECT ${cols} FROM reporting_cycle WHERE id = ANY($1::uuid[])
       UNION ALL
       (SELECT ${cols} FROM reporting_cycle
         WHERE period_start < (SELECT min(period_start) FROM reporting_cycle WHERE id = ANY($1::uuid[])) ORDER BY period_start DESC LIMIT 1)
       ORDER BY "periodStart"`,
      [ids],
    );
    if (rows.length < ids.length) throw new ReportTargetGoneError('a reporting cycle of the report no longer exists');
    return rows;
  }

  private async organisationOf(m: EntityManager, scope: string): Promise<string> {
    const [row] = await m.query(`SELECT id FROM organisation WHERE ${scope.length === 3 ? 'country_alpha3' : 'id::text'} = $1`, [scope]);
    if (!row) throw new ReportTargetGoneError(`organisation ${scope} no longer exists`);
    return row.id;
  }

  private async pledges(m: EntityManager, s: DatasetSlice) {
    const rows: (PledgeRow & { detail: boolean })[] = await m.query(
      `SELECT p.id, p.reference, p.title, CASE WHEN ${s.detail} THEN p.description ELSE '' END AS description, p.form,
         p.lead_organisation_id AS "leadOrganisationId",
         ${isoDate("(p.first_published_at AT TIME ZONE 'UTC')")} AS "publishedOn",
         ${isoDate("(p.withdrawn_at AT TIME ZONE 'UTC')")} AS "withdrawnOn", p.withdrawn_reason AS "withdrawalReason",
         ARRAY(SELECT objective_number FROM pledge_objective WHERE pledge_id = p.id ORDER BY 1)::int[] AS objectives,
         (SELECT objective_number FROM pledge_objective WHERE pledge_id = p.id AND is_primary)::int AS "primaryObjective",
         ARRAY(SELECT principle_key::text FROM pledge_principle WHERE pledge_id = p.id ORDER BY 1) AS principles,
         ARRAY(SELECT theme_number FROM pledge_theme WHERE pledge_id = p.id ORDER BY 1)::int[] AS themes,
         ARRAY(SELECT recommendation_paragraph FROM pledge_recommendation WHERE pledge_id = p.id ORDER BY 1)::int[] AS recommendations,
         ARRAY(SELECT commitment_code::text FROM pledge_commitment WHERE pledge_id = p.id ORDER BY 1) AS commitments,
         ARRAY(SELECT country_alpha3::text FROM pledge_country WHERE pledge_id = p.id ORDER BY 1) AS countries,
         (SELECT coalesce(json_agg(json_build_object('organisationId', organisation_id, 'name', name) ORDER BY position), '[]')
            FROM pledge_partner WHERE pledge_id = p.id) AS partners,
         ${isoDate('p.start_date')} AS "startDate", ${isoDate('p.target_date')} AS "targetDate",
         p.budget_amount::text AS "budgetAmount", p.budget_currency::text AS "budgetCurrency",
         (${s.detail}) AS detail
       FROM pledge p
       WHERE p.published_version IS NOT NULL AND (${s.universe})
       ORDER BY p.reference`,
      s.params,
    );
    const detailed = rows.filter((r) => r.detail).map((r) => r.id);
    const indicators: IndicatorRow[] = detailed.length === 0 ? [] : await m.query(
      `SELECT pledge_id AS "pledgeId", id, name, unit, direction, baseline_value::text AS "baselineValue",
              ${isoDate('baseline_date')} AS "baselineDate", target_value::text AS "targetValue",
              ${isoDate('target_date')} AS "targetDate", sdg_indicator AS "sdgIndicator"
         FROM pledge_indicator WHERE pledge_id = ANY($1::uuid[]) AND active ORDER BY pledge_id, position`,
      [detailed],
    );
    const byPledge = groupBy(indicators, (i) => i.pledgeId);
    return rows.map(({ detail: _d, ...r }) => pledgeInput(r, (byPledge.get(r.id) ?? []).map(indicatorInput)));
  }

  private async updates(m: EntityManager, s: DatasetSlice, cycleIds: string[]) {
    // $1 is the cycles; the slice's parameters follow.
    const join = 'JOIN pledge p ON p.id = u.pledge_id JOIN reporting_cycle c ON c.id = u.cycle_id';
    const where = `u.cycle_id = ANY($1::uuid[]) AND u.editorial_status <> 'draft' AND p.published_version IS NOT NULL AND (${s.universe})`;
    const params = [cycleIds, ...s.params];
    const rows: (UpdateRow & { detail: boolean })[] = await m.query(
      `SELECT u.id, u.pledge_id AS "pledgeId", c.code AS "cycleCode", u.editorial_status AS lifecycle,
         ${isoInstant('u.submitted_at')} AS "submittedAt", ${isoInstant('u.validated_at')} AS "validatedAt",
         u.is_late AS late, u.no_change AS reconfirmation, u.status, u.percent_complete AS "percentComplete",
         CASE WHEN ${s.detail} THEN u.actions_taken ELSE '' END AS "actionsTaken",
         CASE WHEN ${s.detail} THEN u.challenges ELSE '' END AS challenges,
         CASE WHEN ${s.detail} THEN u.next_steps ELSE '' END AS "nextSteps",
         CASE WHEN ${s.detail} THEN u.partner_contributions ELSE '[]'::jsonb END AS contributions,
         (${s.detail}) AS detail
       FROM progress_update u ${join} WHERE ${where} ORDER BY p.reference, c.period_start`,
      params,
    );
    const measurements: { updateId: string; indicatorId: string; value: string; asOf: string; note: string | null }[] = await m.query(
      `SELECT x.update_id AS "updateId", x.indicator_id AS "indicatorId", x.value::text AS value, ${isoDate('x.as_of')} AS "asOf", x.note
         FROM progress_measurement x JOIN progress_update u ON u.id = x.update_id ${join}
        WHERE ${where} AND (${s.detail}) ORDER BY x.update_id, x.position`,
      params,
    );
    const evidence: { updateId: string; title: string; url: string | null; sha256: string | null }[] = await m.query(
      `SELECT e.update_id AS "updateId", e.title, e.url, e.file_sha256 AS sha256
         FROM progress_evidence e JOIN progress_update u ON u.id = e.update_id ${join}
        WHERE ${where} AND (${s.detail}) ORDER BY e.update_id, e.created_at, e.id`,
      params,
    );
    const mByUpdate = groupBy(measurements, (x) => x.updateId);
    const eByUpdate = groupBy(evidence, (x) => x.updateId);
    return rows.map(({ detail: _d, ...u }) => updateInput(
      u,
      (mByUpdate.get(u.id) ?? []).map((x) => ({ indicatorId: x.indicatorId, value: Number(x.value), asOf: x.asOf, note: x.note })),
      (eByUpdate.get(u.id) ?? []).map((x) => ({ title: x.title, url: x.url, sha256: x.sha256 })),
    ));
  }

  /** Every State (the universe of "States"), the report's own organisation, and the stakeholders and named partners the pledges mention. */
  private async organisations(m: EntityManager, pledges: ReportDataset['pledges'], updates: ReportDataset['updates'], own: string | null) {
    const ids = new Set<string>(own ? [own] : []);
    for (const p of pledges) [p.leadOrganisationId, ...p.partnerOrganisationIds].forEach((id) => ids.add(id));
    for (const u of updates) u.partnerContributions.forEach((c) => ids.add(c.organisationId));
    const registered = [...ids].filter((id) => !id.startsWith('named:'));
    const rows = await m.query(
      `SELECT id, name, kind, country_alpha3 AS alpha3 FROM organisation WHERE kind = 'state' OR id = ANY($1::uuid[]) ORDER BY name, id`,
      [registered],
    );
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
