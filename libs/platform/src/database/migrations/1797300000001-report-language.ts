import { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGES = `'ar', 'zh', 'en', 'fr', 'ru', 'es'`;

/**
 * Reports in the six UN languages (issue 12): a report run and a report
 * version are keyed by their language too, so the English and French
 * editions of one report are separate versions (numbered on their own), an
 * identical request in another language is another run, and the public can
 * list the languages a report exists in. Existing rows are English.
 */
export class ReportLanguage1797300000001 implements MigrationInterface {
  name = 'ReportLanguage1797300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['report_run', 'report_version']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "ck_${table}_language" CHECK ("language" IN (${LANGUAGES}))`);
    }
    await queryRunner.query(`DROP INDEX "public"."uq_report_run_active"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_run_active" ON "report_run" ("kind", "scope", "cycle_key", "language") WHERE "status" IN ('queued', 'running')`);
    await queryRunner.query(`DROP INDEX "public"."uq_report_version_number"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_version_number" ON "report_version" ("kind", "scope", "cycle_key", "language", "number") `);
    await queryRunner.query(`DROP INDEX "public"."uq_report_version_snapshot"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_version_snapshot" ON "report_version" ("kind", "scope", "cycle_key", "language", "snapshot_hash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "report_version" WHERE "language" <> 'en'`);
    await queryRunner.query(`DELETE FROM "report_run" WHERE "language" <> 'en'`);
    await queryRunner.query(`DROP INDEX "public"."uq_report_version_snapshot"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_version_snapshot" ON "report_version" ("kind", "scope", "cycle_key", "snapshot_hash") `);
    await queryRunner.query(`DROP INDEX "public"."uq_report_version_number"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_version_number" ON "report_version" ("kind", "scope", "cycle_key", "number") `);
    await queryRunner.query(`DROP INDEX "public"."uq_report_run_active"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_run_active" ON "report_run" ("kind", "scope", "cycle_key") WHERE "status" IN ('queued', 'running')`);
    for (const table of ['report_version', 'report_run']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "ck_${table}_language"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "language"`);
    }
  }
}
