import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Owned by libs/reports: the editorial layer of a report version (introduction
 * and commentary per section), its revisions, and the revision a published
 * version carries. No public figure reads these tables.
 */

export class ReportEditorial1798700000001 implements MigrationInterface {
    name = 'ReportEditorial1798700000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "report_editorial" ("version_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "introduction" text NOT NULL DEFAULT '', "commentary" jsonb NOT NULL DEFAULT '[]', "updated_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_report_editorial_version_id" PRIMARY KEY ("version_id"))`);
        await queryRunner.query(`CREATE TABLE "report_editorial_revision" ("version_id" uuid NOT NULL, "revision" integer NOT NULL, "introduction" text NOT NULL, "commentary" jsonb NOT NULL, "carried_from" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_report_editorial_revision_version_id_revision" PRIMARY KEY ("version_id", "revision"))`);
        await queryRunner.query(`ALTER TABLE "report_version" ADD "editorial_revision" integer`);
        await queryRunner.query(`ALTER TABLE "report_editorial" ADD CONSTRAINT "fk_report_editorial_version_id" FOREIGN KEY ("version_id") REFERENCES "report_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_editorial" ADD CONSTRAINT "fk_report_editorial_updated_by" FOREIGN KEY ("updated_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_editorial_revision" ADD CONSTRAINT "fk_report_editorial_revision_version_id" FOREIGN KEY ("version_id") REFERENCES "report_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_editorial_revision" ADD CONSTRAINT "fk_report_editorial_revision_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "report_editorial_revision" DROP CONSTRAINT "fk_report_editorial_revision_created_by"`);
        await queryRunner.query(`ALTER TABLE "report_editorial_revision" DROP CONSTRAINT "fk_report_editorial_revision_version_id"`);
        await queryRunner.query(`ALTER TABLE "report_editorial" DROP CONSTRAINT "fk_report_editorial_updated_by"`);
        await queryRunner.query(`ALTER TABLE "report_editorial" DROP CONSTRAINT "fk_report_editorial_version_id"`);
        await queryRunner.query(`ALTER TABLE "report_version" DROP COLUMN "editorial_revision"`);
        await queryRunner.query(`DROP TABLE "report_editorial_revision"`);
        await queryRunner.query(`DROP TABLE "report_editorial"`);
    }

}
