import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every COMPACT_EVERY-th row of public_data_change folds the older rows into one (see the class comment). */
const COMPACT_EVERY = 128;
/** The advisory lock key of a compaction (one at a time), named as the other advisory locks are. */
const COMPACT_LOCK = `hashtextextended('public_data_change_compact', 0)`;

/**
 * stats_notify (StatsChangedNotify, PublicDataSnapshot) logging one row per
 * committing transaction in `public_data_change`, and with `compact`, folding
 * the older rows every COMPACT_EVERY-th row.
 */
const statsNotify = (compact: boolean) => `
  CREATE OR REPLACE FUNCTION stats_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    pred text := coalesce(TG_ARGV[0], 'true');
    changed boolean := true;${compact ? `
    logged bigint;` : ''}
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
      PERFORM pg_notify('stats_changed', TG_TABLE_NAME || ' ' || txid_current());
      -- Once per transaction (the setting is transaction-local, and undone with a rolled-back savepoint, as the row is).
      IF current_setting('gcm.public_data_changed', true) IS DISTINCT FROM 'on' THEN${compact ? `
        INSERT INTO public_data_change DEFAULT VALUES RETURNING id INTO logged;
        PERFORM set_config('gcm.public_data_changed', 'on', true);
        -- Read committed only: a repeatable-read writer deleting rows a compaction committed after its snapshot would fail.
        IF logged % ${COMPACT_EVERY} = 0 AND current_setting('transaction_isolation') = 'read committed'
           AND pg_try_advisory_xact_lock(${COMPACT_LOCK}) THEN
          PERFORM public_data_change_compact(logged);
        END IF;` : `
        INSERT INTO public_data_change DEFAULT VALUES;
        PERFORM set_config('gcm.public_data_changed', 'on', true);`}
      END IF;
    END IF;
    RETURN NULL;
  END $$;`;

/**
 * Owned by libs/dashboard (provenance.ts). The dashboards' snapshot id was
 * `count(*)` of public_data_change, which every stats answer reads: a scan of
 * a table that grows by one row per public change, forever. Now each row has
 * a `weight` (the transactions it stands for) and the snapshot id is
 * `sum(weight)`; `public_data_change_compact(below)` replaces every committed
 * row with an id below `below` by one row carrying their total weight and
 * latest `changed_at`, in one statement. The guarantees stay exact:
 * - the same id, the same figures: a compaction changes no sum (it deletes and
 *   inserts in one transaction, so every reader sees both or neither), and a
 *   snapshot still sees the transactions committed before it, which PostgreSQL
 *   orders the same way for every snapshot, so equal sums are equal sets;
 * - a rolled-back write leaves no trace: its row goes with it, and a
 *   compaction folds only committed rows (it runs in READ COMMITTED);
 * - a larger id is a later snapshot: the sum only grows.
 * The writing transaction whose row id is a multiple of COMPACT_EVERY compacts
 * (one at a time, by an advisory lock; skipped if another is under way), so
 * the table holds at most a few hundred rows whoever writes — no job to
 * schedule — and `max(changed_at)` stays an index lookup. Existing rows are
 * folded now.
 */
export class PublicDataSnapshotCompaction1800200000000 implements MigrationInterface {
  name = 'PublicDataSnapshotCompaction1800200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE public_data_change ADD weight bigint NOT NULL DEFAULT 1 CHECK (weight > 0)');
    await q.query(`CREATE FUNCTION public_data_change_compact(below bigint) RETURNS void LANGUAGE sql AS $$
      WITH folded AS (DELETE FROM public_data_change WHERE id < below RETURNING weight, changed_at)
      INSERT INTO public_data_change (weight, changed_at) SELECT sum(weight), max(changed_at) FROM folded HAVING count(*) > 0
    $$`);
    await q.query(statsNotify(true));
    await q.query('SELECT public_data_change_compact((SELECT coalesce(max(id), 0) + 1 FROM public_data_change))');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(statsNotify(false));
    // One row per transaction again, so that count(*) is the same snapshot id.
    await q.query('INSERT INTO public_data_change (changed_at) SELECT changed_at FROM public_data_change, generate_series(2, weight)');
    await q.query('DROP FUNCTION public_data_change_compact(bigint)');
    await q.query('ALTER TABLE public_data_change DROP COLUMN weight');
  }
}
