import { MigrationInterface, QueryRunner } from "typeorm";

/** Resumable (tus) evidence uploads: the declared upload, its offset and lease, and the bytes received so far. */
export class EvidenceUploads1799100000001 implements MigrationInterface {
    name = 'EvidenceUploads1799100000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "evidence_upload" ("id" character varying(64) NOT NULL, "update_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "size_bytes" integer NOT NULL, "offset_bytes" integer NOT NULL DEFAULT '0', "metadata" jsonb NOT NULL, "lock_token" uuid, "locked_until" TIMESTAMP WITH TIME ZONE, "evidence_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_evidence_upload_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_evidence_upload_expires_at" ON "evidence_upload" ("expires_at") `);
        await queryRunner.query(`CREATE TABLE "evidence_upload_chunk" ("upload_id" character varying(64) NOT NULL, "start" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "pk_evidence_upload_chunk_upload_id_start" PRIMARY KEY ("upload_id", "start"))`);
        await queryRunner.query(`ALTER TABLE "evidence_upload" ADD CONSTRAINT "fk_evidence_upload_update_id" FOREIGN KEY ("update_id") REFERENCES "progress_update"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_upload_chunk" ADD CONSTRAINT "fk_evidence_upload_chunk_upload_id" FOREIGN KEY ("upload_id") REFERENCES "evidence_upload"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "evidence_upload_chunk" DROP CONSTRAINT "fk_evidence_upload_chunk_upload_id"`);
        await queryRunner.query(`ALTER TABLE "evidence_upload" DROP CONSTRAINT "fk_evidence_upload_update_id"`);
        await queryRunner.query(`DROP TABLE "evidence_upload_chunk"`);
        await queryRunner.query(`DROP INDEX "public"."ix_evidence_upload_expires_at"`);
        await queryRunner.query(`DROP TABLE "evidence_upload"`);
    }

}
