import { MigrationInterface, QueryRunner } from "typeorm";

/** Evidence-link checks recorded per link (the worker's job) and the plausibility warnings kept at validation (the IMRF method note counts them). */
export class EvidenceLinkChecks1798100000001 implements MigrationInterface {
    name = 'EvidenceLinkChecks1798100000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "progress_evidence" ADD "link_checked_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "progress_evidence" ADD "link_outcome" character varying(20)`);
        await queryRunner.query(`ALTER TABLE "progress_evidence" ADD "link_http_status" smallint`);
        await queryRunner.query(`ALTER TABLE "progress_evidence" ADD "link_detail" character varying(300)`);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD "validated_warnings" jsonb`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "progress_update" DROP COLUMN "validated_warnings"`);
        await queryRunner.query(`ALTER TABLE "progress_evidence" DROP COLUMN "link_detail"`);
        await queryRunner.query(`ALTER TABLE "progress_evidence" DROP COLUMN "link_http_status"`);
        await queryRunner.query(`ALTER TABLE "progress_evidence" DROP COLUMN "link_outcome"`);
        await queryRunner.query(`ALTER TABLE "progress_evidence" DROP COLUMN "link_checked_at"`);
    }
}
