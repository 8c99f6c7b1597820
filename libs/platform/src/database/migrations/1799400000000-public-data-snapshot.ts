import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * stats_notify (StatsChangedNotify) with, when `log`, one row per committing
 * transaction in `public_data_change`: what a dashboard's "snapshot" is.
 */
const statsNotify = (log: boolean) => `
  CREATE OR REPLACE FUNCTION stats_notify() RETURNS trigger LANGUAGE plpgsql AS $$
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
      EXECUTE format('SELECT EXISTS ((SELECT %2$s FROM new_rows r WHERE %1$s EXCEPT ALL SELECT %2$s FROM old_rows r WHERE %1$s)
        UNION ALL (SELECT %2$s FROM old_rows r WHERE %1$s EXCEPT ALL SELECT %2$s FROM new_rows r WHERE %1$s))', pred, TG_ARGV[1])
        INTO changed;
    END IF;
    IF changed THEN
      PERFORM pg_notify('stats_changed', TG_TABLE_NAME || ' ' || txid_current());${log ? `
      -- Once per transaction (the setting is transaction-local, and undone with a rolled-back savepoint, as the row is).
      IF current_setting('gcm.public_data_changed', true) IS DISTINCT FROM 'on' THEN
        INSERT INTO public_data_change DEFAULT VALUES;
        PERFORM set_config('gcm.public_data_changed', 'on', true);
      END IF;` : ''}
    END IF;
    RETURN NULL;
  END $$;`;

/**
 * Owned by libs/dashboard (provenance.ts). The dashboards' snapshot: every
 * transaction that changes public data (exactly those stats_notify tells the
 * stats cache about: a pledge published or withdrawn, an update submitted or
 * validated, a cycle compiled, a catalogue edit…) appends one row here, in the
 * same transaction. A statement that counts the rows it sees therefore names
 * the set of public changes its figures were computed from: rows are never
 * updated or deleted, so the count grows with every commit, whatever order
 * transactions commit in, and two reads with the same count saw the same
 * public data. `changed_at` gives the "data as of" time.
 */
export class PublicDataSnapshot1799400000000 implements MigrationInterface {
  name = 'PublicDataSnapshot1799400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE public_data_change (
      id bigserial PRIMARY KEY,
      changed_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query('CREATE INDEX ix_public_data_change_changed_at ON public_data_change (changed_at)');
    // The data as it stands when this runs is the first snapshot.
    await q.query('INSERT INTO public_data_change DEFAULT VALUES');
    await q.query(statsNotify(true));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(statsNotify(false));
    await q.query('DROP TABLE public_data_change');
  }
}
