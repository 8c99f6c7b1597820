import { MigrationInterface, QueryRunner } from 'typeorm';

/** Imported uploads by file hash (issue 13): the same workbook twice changes nothing the second time. Private: no public figure reads it. */
export class SheetImport1797400000001 implements MigrationInterface {
  name = 'SheetImport1797400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sheet_import" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(24) NOT NULL, "scope" character varying(120) NOT NULL,
      "sha256" character(64) NOT NULL, "imported_by" uuid NOT NULL, "result" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "uq_sheet_import_file" UNIQUE ("kind", "scope", "sha256"), CONSTRAINT "pk_sheet_import_id" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "sheet_import"');
  }
}
