import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over practice cards: a trigger keeps `practice.search`
 * current (title weighted above organisation/scope, above the narrative) and a
 * GIN index serves `@@` queries.
 */
export class PracticeSearch1795335014358 implements MigrationInterface {
  name = 'PracticeSearch1795335014358';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION practice_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(NEW.organisation, '') || ' ' || coalesce(NEW.geographical_scope, '')), 'B') ||
          setweight(to_tsvector('english', coalesce(NEW.description, '') || ' ' || coalesce(NEW.impacts, '') || ' ' ||
            coalesce(NEW.lessons_learned, '')), 'C');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER practice_search_update BEFORE INSERT OR UPDATE ON practice
      FOR EACH ROW EXECUTE FUNCTION practice_search_update()`);
    await queryRunner.query('CREATE INDEX "ix_practice_search" ON "practice" USING gin ("search")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_practice_search"');
    await queryRunner.query('DROP TRIGGER practice_search_update ON practice');
    await queryRunner.query('DROP FUNCTION practice_search_update()');
  }
}
