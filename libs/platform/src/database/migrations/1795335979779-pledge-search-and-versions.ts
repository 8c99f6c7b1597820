import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What TypeORM cannot declare for pledges and progress updates:
 * - the sequence behind public references (GCM-P-2026-00042);
 * - full-text search over the PUBLISHED title and description (plus the
 *   reference), kept by a trigger, with a GIN index;
 * - submitted versions frozen in the database: UPDATE of a pledge_version or
 *   progress_update_version row raises, whoever connects.
 */
export class PledgeSearchAndVersions1795335979779 implements MigrationInterface {
  name = 'PledgeSearchAndVersions1795335979779';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SEQUENCE pledge_reference_seq AS integer START 1');
    await queryRunner.query(`
      CREATE FUNCTION pledge_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('english', coalesce(NEW.title, '') || ' ' || coalesce(NEW.reference, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(NEW.description, '')), 'B');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER pledge_search_update BEFORE INSERT OR UPDATE OF title, description, reference ON pledge
      FOR EACH ROW EXECUTE FUNCTION pledge_search_update()`);
    await queryRunner.query('CREATE INDEX "ix_pledge_search" ON "pledge" USING gin ("search")');
    await queryRunner.query(`
      CREATE FUNCTION submitted_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable (UPDATE refused)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER pledge_version_immutable BEFORE UPDATE ON pledge_version
      FOR EACH ROW EXECUTE FUNCTION submitted_version_immutable()`);
    await queryRunner.query(`CREATE TRIGGER progress_update_version_immutable BEFORE UPDATE ON progress_update_version
      FOR EACH ROW EXECUTE FUNCTION submitted_version_immutable()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER progress_update_version_immutable ON progress_update_version');
    await queryRunner.query('DROP TRIGGER pledge_version_immutable ON pledge_version');
    await queryRunner.query('DROP FUNCTION submitted_version_immutable()');
    await queryRunner.query('DROP INDEX "ix_pledge_search"');
    await queryRunner.query('DROP TRIGGER pledge_search_update ON pledge');
    await queryRunner.query('DROP FUNCTION pledge_search_update()');
    await queryRunner.query('DROP SEQUENCE pledge_reference_seq');
  }
}
