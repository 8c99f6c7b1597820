import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Owned by libs/framework. The guiding questions of each IMRF round table, by
 * objective (seed 003 section 3 for RT2), edited by the secretariat as
 * catalogue edits. They are public catalogue text, so the table announces its
 * commits to the stats cache like the other framework tables
 * (1796115000000-stats-changed-notify).
 */
export class GuidingQuestions1798400000001 implements MigrationInterface {
  name = 'GuidingQuestions1798400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "guiding_question" ("id" SERIAL NOT NULL, "round_table_code" character varying(8) NOT NULL, "objective_number" smallint NOT NULL, "position" smallint NOT NULL, "text" character varying(1000) NOT NULL, "source" character varying(100) NOT NULL, CONSTRAINT "pk_guiding_question_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_guiding_question_round_table_code_objective_number_position" ON "guiding_question" ("round_table_code", "objective_number", "position") `);
    await queryRunner.query(`ALTER TABLE "guiding_question" ADD CONSTRAINT "fk_guiding_question_round_table_code" FOREIGN KEY ("round_table_code") REFERENCES "round_table"("code") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "guiding_question" ADD CONSTRAINT "fk_guiding_question_objective_number" FOREIGN KEY ("objective_number") REFERENCES "objective"("number") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const [event, referencing] of [['insert', 'NEW TABLE AS new_rows'], ['update', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['delete', 'OLD TABLE AS old_rows']]) {
      await queryRunner.query(`CREATE TRIGGER stats_changed_${event} AFTER ${event.toUpperCase()} ON guiding_question REFERENCING ${referencing}
        FOR EACH STATEMENT EXECUTE FUNCTION stats_notify('true')`);
    }
    await queryRunner.query('CREATE TRIGGER stats_changed_truncate AFTER TRUNCATE ON guiding_question FOR EACH STATEMENT EXECUTE FUNCTION stats_notify()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "guiding_question"`);
  }
}
