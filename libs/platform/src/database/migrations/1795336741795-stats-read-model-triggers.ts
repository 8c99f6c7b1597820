import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose writes change a public pledge's row in stats_pledge (argument: the column holding the pledge id). */
const PLEDGE_SOURCES: [table: string, column: string][] = [
  ['pledge', 'id'], ['pledge_objective', 'pledge_id'], ['pledge_theme', 'pledge_id'], ['pledge_recommendation', 'pledge_id'],
  ['pledge_country', 'pledge_id'], ['pledge_region', 'pledge_id'],
];

const EVENTS: [event: string, referencing: string][] = [
  ['INSERT', 'NEW TABLE AS new_rows'],
  ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['DELETE', 'OLD TABLE AS old_rows'],
];

/**
 * Keeps the dashboard read model (stats_pledge, stats_update) current in the
 * same transaction as every write to its sources, whichever service writes:
 * statement-level AFTER triggers collect the pledge ids a statement touched
 * (from its transition tables) and recompute those pledges' rows, so a
 * publication that rewrites a pledge's code tables costs one refresh per
 * statement, and a bulk load one set-based refresh. Only published,
 * non-withdrawn pledges get a stats_pledge row; only submitted and validated
 * updates a stats_update row. Existing data is loaded at the end.
 */
export class StatsReadModelTriggers1795336741795 implements MigrationInterface {
  name = 'StatsReadModelTriggers1795336741795';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION stats_refresh_pledges(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM stats_pledge WHERE pledge_id = ANY (ids);
        INSERT INTO stats_pledge (pledge_id, lead_organisation_id, lead_kind, lead_country, form, implementation_status,
          first_published_at, primary_objective, objectives, primary_theme, themes, recommendations, countries, regions)
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
              FROM pledge_region x WHERE x.pledge_id = p.id) r WHERE r.region IS NOT NULL ORDER BY 1), '{}'), '{001}')
        FROM pledge p JOIN organisation o ON o.id = p.lead_organisation_id
        WHERE p.id = ANY (ids) AND p.published_version IS NOT NULL AND p.status <> 'withdrawn' AND p.first_published_at IS NOT NULL
        -- A concurrent refresh of the same pledge may have inserted it after this DELETE's snapshot: the later one wins.
        ON CONFLICT (pledge_id) DO UPDATE SET lead_organisation_id = EXCLUDED.lead_organisation_id, lead_kind = EXCLUDED.lead_kind,
          lead_country = EXCLUDED.lead_country, form = EXCLUDED.form, implementation_status = EXCLUDED.implementation_status,
          first_published_at = EXCLUDED.first_published_at, primary_objective = EXCLUDED.primary_objective,
          objectives = EXCLUDED.objectives, primary_theme = EXCLUDED.primary_theme, themes = EXCLUDED.themes,
          recommendations = EXCLUDED.recommendations, countries = EXCLUDED.countries, regions = EXCLUDED.regions;
      $$;`);
    await queryRunner.query(`
      CREATE FUNCTION stats_refresh_updates(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM stats_update WHERE pledge_id = ANY (ids);
        INSERT INTO stats_update (update_id, pledge_id, cycle_id, period_start, editorial_status, status, valid_until)
        SELECT u.id, u.pledge_id, u.cycle_id, c.period_start, u.editorial_status, u.status,
          CASE WHEN u.editorial_status = 'validated' THEN lead(c.period_start) OVER w END
        FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
        WHERE u.pledge_id = ANY (ids) AND u.editorial_status IN ('submitted', 'validated')
        WINDOW w AS (PARTITION BY u.pledge_id, u.editorial_status = 'validated' ORDER BY c.period_start)
        ON CONFLICT (update_id) DO UPDATE SET pledge_id = EXCLUDED.pledge_id, cycle_id = EXCLUDED.cycle_id,
          period_start = EXCLUDED.period_start, editorial_status = EXCLUDED.editorial_status, status = EXCLUDED.status,
          valid_until = EXCLUDED.valid_until;
      $$;`);
    await queryRunner.query(`
      CREATE FUNCTION stats_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        col text := TG_ARGV[1];
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', col) INTO ids;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          EXECUTE format('SELECT array_agg(DISTINCT %I) || $1 FROM old_rows', col) INTO ids USING coalesce(ids, '{}');
        END IF;
        IF ids IS NULL THEN RETURN NULL; END IF;
        CASE TG_ARGV[0]
          WHEN 'pledge' THEN PERFORM stats_refresh_pledges(ids);
          WHEN 'update' THEN PERFORM stats_refresh_updates(ids);
          WHEN 'organisation' THEN PERFORM stats_refresh_pledges(ARRAY(SELECT id FROM pledge WHERE lead_organisation_id = ANY (ids)));
          WHEN 'cycle' THEN PERFORM stats_refresh_updates(ARRAY(SELECT DISTINCT pledge_id FROM progress_update WHERE cycle_id = ANY (ids)));
        END CASE;
        RETURN NULL;
      END $$;`);
    const triggers: [table: string, kind: string, column: string, events: [string, string][]][] = [
      ...PLEDGE_SOURCES.map(([table, column]): [string, string, string, [string, string][]] => [table, 'pledge', column, EVENTS]),
      ['progress_update', 'update', 'pledge_id', EVENTS],
      ['organisation', 'organisation', 'id', [EVENTS[1]]],
      ['reporting_cycle', 'cycle', 'id', [EVENTS[1]]],
    ];
    for (const [table, kind, column, events] of triggers) {
      for (const [event, referencing] of events) {
        await queryRunner.query(
          `CREATE TRIGGER stats_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING ${referencing}
           FOR EACH STATEMENT EXECUTE FUNCTION stats_touch('${kind}', '${column}')`,
        );
      }
    }
    await queryRunner.query('SELECT stats_refresh_pledges(ARRAY(SELECT id FROM pledge))');
    await queryRunner.query('SELECT stats_refresh_updates(ARRAY(SELECT id FROM pledge))');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...PLEDGE_SOURCES.map(([t]) => t), 'progress_update']) {
      for (const [event] of EVENTS) await queryRunner.query(`DROP TRIGGER stats_${table}_${event.toLowerCase()} ON ${table}`);
    }
    await queryRunner.query('DROP TRIGGER stats_organisation_update ON organisation');
    await queryRunner.query('DROP TRIGGER stats_reporting_cycle_update ON reporting_cycle');
    await queryRunner.query('DROP FUNCTION stats_touch()');
    await queryRunner.query('DROP FUNCTION stats_refresh_updates(uuid[])');
    await queryRunner.query('DROP FUNCTION stats_refresh_pledges(uuid[])');
    await queryRunner.query('TRUNCATE stats_pledge, stats_update');
  }
}
