import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one definition of a cycle's population, owned by libs/reporting (see
 * libs/reporting/src/population): which pledges owe an update in a cycle,
 * and which updates count as reported. Every reader (report flow targets,
 * reminder scan, progress-update checks, dashboards, report dataset) uses
 * these, so the copies that disagreed (issue 10) are gone.
 *
 * A pledge owes an update in a cycle when it was public (published, not
 * withdrawn) at any time between the cycle's period start (00:00 UTC) and its
 * close; a cycle that is not closed (still open, reopened, or scheduled)
 * counts up to now. A pledge published in the submission window, after the
 * period end and before the close, therefore owes that cycle an update.
 * Withdrawal is final (pledge-status.ts), so the public life of a pledge is
 * one interval [first_published_at, withdrawn_at).
 *
 * pledge_owes_update is an IMMUTABLE one-expression SQL function, which the
 * planner inlines, so the dashboard aggregates that call it on the
 * stats_pledge read model cost what the expression costs.
 *
 * stats_pledge now keeps withdrawn pledges too (with withdrawn_at): a pledge
 * withdrawn during a cycle still owes it an update, and the dashboards must
 * see it to agree with the reports. "Public now" queries filter
 * withdrawn_at IS NULL.
 */
export class CyclePopulation1795400000000 implements MigrationInterface {
  name = 'CyclePopulation1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pledge_owes_update(first_published_at timestamptz, withdrawn_at timestamptz,
                                         cycle_status text, period_start date, closed_at timestamptz)
      RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT first_published_at <= coalesce(CASE WHEN cycle_status IN ('closed', 'compiled') THEN closed_at END, 'infinity'::timestamptz)
           AND (withdrawn_at IS NULL OR withdrawn_at >= (period_start::timestamp AT TIME ZONE 'UTC'))
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION cycle_pledge_population(cycle_id uuid)
      RETURNS TABLE (pledge_id uuid, lead_organisation_id uuid) LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT p.id, p.lead_organisation_id
          FROM reporting_cycle c
          JOIN pledge p ON p.published_version IS NOT NULL
                       AND pledge_owes_update(p.first_published_at, p.withdrawn_at, c.status, c.period_start, c.closed_at)
         WHERE c.id = cycle_pledge_population.cycle_id
      $$`);
    // An update counts as reported when it is submitted or validated (drafts and returned updates do not)
    // and its pledge owes the cycle an update; only validated ones may lend their content and status to a publication.
    await queryRunner.query(`
      CREATE VIEW cycle_counted_update AS
        SELECT u.id AS update_id, u.cycle_id, u.pledge_id, p.lead_organisation_id, u.editorial_status,
               u.editorial_status = 'validated' AS validated, u.status, u.is_late
          FROM progress_update u
          JOIN reporting_cycle c ON c.id = u.cycle_id
          JOIN pledge p ON p.id = u.pledge_id AND p.published_version IS NOT NULL
         WHERE u.editorial_status IN ('submitted', 'validated')
           AND pledge_owes_update(p.first_published_at, p.withdrawn_at, c.status, c.period_start, c.closed_at)`);

    await queryRunner.query('ALTER TABLE "stats_pledge" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(STATS_REFRESH_PLEDGES.replace('$WHERE', 'p.published_version IS NOT NULL AND p.first_published_at IS NOT NULL')
      .replace('$COLS', ', withdrawn_at').replace('$VALS', ', p.withdrawn_at').replace('$SET', ', withdrawn_at = EXCLUDED.withdrawn_at'));
    await queryRunner.query('SELECT stats_refresh_pledges(ARRAY(SELECT id FROM pledge))');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(STATS_REFRESH_PLEDGES
      .replace('$WHERE', "p.published_version IS NOT NULL AND p.status <> 'withdrawn' AND p.first_published_at IS NOT NULL")
      .replace('$COLS', '').replace('$VALS', '').replace('$SET', ''));
    await queryRunner.query('DELETE FROM stats_pledge WHERE withdrawn_at IS NOT NULL');
    await queryRunner.query('ALTER TABLE "stats_pledge" DROP COLUMN "withdrawn_at"');
    await queryRunner.query('DROP VIEW cycle_counted_update');
    await queryRunner.query('DROP FUNCTION cycle_pledge_population(uuid)');
    await queryRunner.query('DROP FUNCTION pledge_owes_update(timestamptz, timestamptz, text, date, timestamptz)');
  }
}

/** stats_refresh_pledges as the stats-read-model-triggers migration defines it, with the placeholders this one fills. */
const STATS_REFRESH_PLEDGES = `
  CREATE OR REPLACE FUNCTION stats_refresh_pledges(ids uuid[]) RETURNS void LANGUAGE sql AS $fn$
    DELETE FROM stats_pledge WHERE pledge_id = ANY (ids);
    INSERT INTO stats_pledge (pledge_id, lead_organisation_id, lead_kind, lead_country, form, implementation_status,
      first_published_at, primary_objective, objectives, primary_theme, themes, recommendations, countries, regions$COLS)
    SELECT p.id, p.lead_organisation_id, o.kind, o.country_alpha3, p.form, p.implementation_status, p.first_published_at,
      (SELECT x.objective_number FROM pledge_objective x WHERE x.pledge_id = p.id AND x.is_primary LIMIT 1),
      ARRAY(SELECT x.objective_number FROM pledge_objective x WHERE x.pledge_id = p.id ORDER BY 1),
      (SELECT x.theme_number FROM pledge_theme x WHERE x.pledge_id = p.id AND x.is_primary LIMIT 1),
      ARRAY(SELECT x.theme_number FROM pledge_theme x WHERE x.pledge_id = p.id ORDER BY 1),
      ARRAY(SELECT x.recommendation_paragraph FROM pledge_recommendation x WHERE x.pledge_id = p.id ORDER BY 1),
      ARRAY(SELECT x.country_alpha3 FROM pledge_country x WHERE x.pledge_id = p.id ORDER BY 1),
      coalesce(nullif(ARRAY(SELECT DISTINCT r.region FROM (
          SELECT c.region_m49 AS region FROM country c WHERE c.alpha3 = o.country_alpha3
          UNION ALL
          SELECT c.region_m49 FROM pledge_country x JOIN country c ON c.alpha3 = x.country_alpha3 WHERE x.pledge_id = p.id
          UNION ALL
          SELECT CASE WHEN x.region_m49 = '001' THEN '001' ELSE (SELECT c.region_m49 FROM country c
            WHERE x.region_m49 IN (c.region_m49, c.subregion_m49, c.intermediate_region_m49) LIMIT 1) END
          FROM pledge_region x WHERE x.pledge_id = p.id) r WHERE r.region IS NOT NULL ORDER BY 1), '{}'), '{001}')$VALS
    FROM pledge p JOIN organisation o ON o.id = p.lead_organisation_id
    WHERE p.id = ANY (ids) AND $WHERE
    -- A concurrent refresh of the same pledge may have inserted it after this DELETE's snapshot: the later one wins.
    ON CONFLICT (pledge_id) DO UPDATE SET lead_organisation_id = EXCLUDED.lead_organisation_id, lead_kind = EXCLUDED.lead_kind,
      lead_country = EXCLUDED.lead_country, form = EXCLUDED.form, implementation_status = EXCLUDED.implementation_status,
      first_published_at = EXCLUDED.first_published_at, primary_objective = EXCLUDED.primary_objective,
      objectives = EXCLUDED.objectives, primary_theme = EXCLUDED.primary_theme, themes = EXCLUDED.themes,
      recommendations = EXCLUDED.recommendations, countries = EXCLUDED.countries, regions = EXCLUDED.regions$SET;
  $fn$`;
