import { MigrationInterface, QueryRunner } from "typeorm";

export class SsoProviders1797700000001 implements MigrationInterface {
    name = 'SsoProviders1797700000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sso_provider" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "issuer" character varying(500) NOT NULL, "client_id" character varying(200) NOT NULL, "client_secret_encrypted" text NOT NULL, "allowed_domains" text array NOT NULL DEFAULT '{}', "allow_account_creation" boolean NOT NULL DEFAULT false, "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_sso_provider_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "sso_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "state_hash" character(64) NOT NULL, "provider_id" uuid NOT NULL, "nonce" character varying(128) NOT NULL, "code_verifier" character varying(128) NOT NULL, "redirect_uri" character varying(600) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_sso_attempt_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ix_sso_attempt_state_hash" ON "sso_attempt" ("state_hash") `);
        await queryRunner.query(`CREATE TABLE "sso_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "issuer" character varying(500) NOT NULL, "subject" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_sso_identity_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sso_identity_user_id" ON "sso_identity" ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sso_identity_issuer_subject" ON "sso_identity" ("issuer", "subject") `);
        await queryRunner.query(`ALTER TABLE "session" ADD "sso_provider_id" uuid`);
        await queryRunner.query(`ALTER TABLE "app_user" ALTER COLUMN "role" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_role"`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_role" CHECK ("role" IS NULL OR "role" IN ('secretariat', 'focal_point', 'expert'))`);
        await queryRunner.query(`ALTER TABLE "sso_attempt" ADD CONSTRAINT "fk_sso_attempt_provider_id" FOREIGN KEY ("provider_id") REFERENCES "sso_provider"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sso_identity" ADD CONSTRAINT "fk_sso_identity_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sso_identity" DROP CONSTRAINT "fk_sso_identity_user_id"`);
        await queryRunner.query(`ALTER TABLE "sso_attempt" DROP CONSTRAINT "fk_sso_attempt_provider_id"`);
        await queryRunner.query(`ALTER TABLE "app_user" ALTER COLUMN "role" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_role"`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_role" CHECK ("role" IN ('secretariat', 'focal_point', 'expert'))`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "sso_provider_id"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sso_identity_issuer_subject"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sso_identity_user_id"`);
        await queryRunner.query(`DROP TABLE "sso_identity"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sso_attempt_state_hash"`);
        await queryRunner.query(`DROP TABLE "sso_attempt"`);
        await queryRunner.query(`DROP TABLE "sso_provider"`);
    }

}
