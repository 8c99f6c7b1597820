import { MigrationInterface, QueryRunner } from 'typeorm';

/** Visible updates: what the read model and open data hold (drafts and returned ones are private). */
const VISIBLE_UPDATE = `r.editorial_status IN ('submitted', 'validated')`;
const OF_VISIBLE_UPDATE = `EXISTS (SELECT 1 FROM progress_update u WHERE u.id = r.update_id AND u.editorial_status IN ('submitted', 'validated'))`;

/**
 * Every table a public aggregate (the /api/v1/stats answers, related
 * practices, the open-data validators) reads, with an optional filter:
 * [table, row predicate over `r`, the row's public face as jsonb]. An update
 * notifies only when the public face of some row matching the predicate
 * changed. A filter only skips writes the public cannot see (a draft saved, a
 * working copy edited); when in doubt a table notifies on every write. The
 * read model (stats_pledge, stats_update) is not listed: only the source
 * tables' triggers write it, in their own transaction, which notifies.
 */
const SOURCES: [table: string, predicate?: string, publicFace?: string][] = [
  // The published face lives in the pledge row and the pledge_* tables (written at publication only).
  // The public sees of a pledge's status only whether it is withdrawn; the rest is the working copy's.
  ['pledge', 'r.published_version IS NOT NULL', `to_jsonb(r) - '{working,version,status,updated_at,submitted_at,contact_name,contact_email}'::text[]
    || jsonb_build_object('withdrawn', r.status = 'withdrawn')`],
  ['pledge_objective'], ['pledge_theme'], ['pledge_recommendation'], ['pledge_country'], ['pledge_region'],
  ['pledge_partner'], ['pledge_indicator'], ['pledge_principle'], ['pledge_commitment'],
  ['progress_update', VISIBLE_UPDATE], ['progress_measurement', OF_VISIBLE_UPDATE], ['progress_evidence', OF_VISIBLE_UPDATE],
  ['reporting_cycle'], ['organisation'], ['country'],
  ['objective'], ['objective_theme'], ['theme'], ['recommendation'], ['consideration'], ['commitment'], ['principle'],
  ['round_table'], ['framework_version'],
  ['practice'], ['practice_session'], ['practice_session_objective'],
];

const EVENTS: [event: string, referencing: string][] = [
  ['insert', 'NEW TABLE AS new_rows'],
  ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['delete', 'OLD TABLE AS old_rows'],
];

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Tells every listening API process, on commit, that public data changed, so
 * the stats cache is invalidated whoever wrote (a service, the worker, psql):
 * NOTIFY is delivered only when the transaction commits, and never for a
 * rolled-back one. Statement-level triggers send at most one notification per
 * statement, and PostgreSQL folds identical payloads of one transaction into
 * one, so a bulk write costs one notification per table. The payload is
 * `<table> <transaction id>`: listeners in several processes use the
 * transaction id to bump the shared cache generation once per transaction.
 */
export class StatsChangedNotify1796115000000 implements MigrationInterface {
  name = 'StatsChangedNotify1796115000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION stats_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pred text := coalesce(TG_ARGV[0], 'true');
        changed boolean := true;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM new_rows r WHERE %s)', pred) INTO changed;
        ELSIF TG_OP = 'DELETE' THEN
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM old_rows r WHERE %s)', pred) INTO changed;
        ELSIF TG_OP = 'UPDATE' AND TG_NARGS < 2 THEN
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM new_rows r WHERE %1$s) OR EXISTS (SELECT 1 FROM old_rows r WHERE %1$s)', pred) INTO changed;
        ELSIF TG_OP = 'UPDATE' THEN
          -- The public face of some visible row differs, compared in both directions.
          EXECUTE format('SELECT EXISTS ((SELECT %2$s FROM new_rows r WHERE %1$s EXCEPT ALL SELECT %2$s FROM old_rows r WHERE %1$s)
            UNION ALL (SELECT %2$s FROM old_rows r WHERE %1$s EXCEPT ALL SELECT %2$s FROM new_rows r WHERE %1$s))', pred, TG_ARGV[1])
            INTO changed;
        END IF;
        IF changed THEN
          PERFORM pg_notify('stats_changed', TG_TABLE_NAME || ' ' || txid_current());
        END IF;
        RETURN NULL;
      END $$;`);
    for (const [table, predicate, publicFace] of SOURCES) {
      const args = [predicate ?? 'true', ...(publicFace ? [publicFace] : [])].map(literal).join(', ');
      for (const [event, referencing] of EVENTS) {
        await queryRunner.query(
          `CREATE TRIGGER stats_changed_${event} AFTER ${event.toUpperCase()} ON ${table} REFERENCING ${referencing}
           FOR EACH STATEMENT EXECUTE FUNCTION stats_notify(${args})`,
        );
      }
      await queryRunner.query(`CREATE TRIGGER stats_changed_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION stats_notify()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of SOURCES) {
      for (const event of [...EVENTS.map(([e]) => e), 'truncate']) await queryRunner.query(`DROP TRIGGER stats_changed_${event} ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION stats_notify()');
  }
}
