import { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1795335507314 implements MigrationInterface {
    name = 'Accounts1795335507314'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "name" character varying(300) NOT NULL, "country_alpha3" character(3), "contact_email" character varying(254), "website" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_organisation_name" UNIQUE ("name"), CONSTRAINT "uq_organisation_country_alpha3" UNIQUE ("country_alpha3"), CONSTRAINT "ck_organisation_state_country" CHECK (("kind" = 'state') = ("country_alpha3" IS NOT NULL)), CONSTRAINT "ck_organisation_kind" CHECK ("kind" IN ('state', 'un_entity', 'civil_society', 'private_sector', 'academia', 'local_authority', 'other')), CONSTRAINT "pk_organisation_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "organisation_id" uuid, "password_hash" character varying(255), "active" boolean NOT NULL DEFAULT true, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "password_changed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_app_user_email" UNIQUE ("email"), CONSTRAINT "ck_app_user_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "ck_app_user_focal_point_organisation" CHECK ("role" <> 'focal_point' OR "organisation_id" IS NOT NULL), CONSTRAINT "ck_app_user_role" CHECK ("role" IN ('secretariat', 'focal_point', 'expert')), CONSTRAINT "pk_app_user_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_app_user_organisation_id" ON "app_user" ("organisation_id") `);
        await queryRunner.query(`CREATE TABLE "user_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, CONSTRAINT "uq_user_token_token_hash" UNIQUE ("token_hash"), CONSTRAINT "ck_user_token_purpose" CHECK ("purpose" IN ('invitation', 'password_reset')), CONSTRAINT "pk_user_token_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_user_token_user_id_purpose" ON "user_token" ("user_id", "purpose") `);
        await queryRunner.query(`CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(32), "ip" character varying(64), CONSTRAINT "pk_session_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_session_user_id" ON "session" ("user_id") `);
        await queryRunner.query(`CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_refresh_token_token_hash" UNIQUE ("token_hash"), CONSTRAINT "pk_refresh_token_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_refresh_token_session_id" ON "refresh_token" ("session_id") `);
        await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "fk_organisation_country_alpha3" FOREIGN KEY ("country_alpha3") REFERENCES "country"("alpha3") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "user_token" ADD CONSTRAINT "fk_user_token_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "fk_session_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refresh_token" ADD CONSTRAINT "fk_refresh_token_session_id" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "fk_refresh_token_session_id"`);
        await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "fk_session_user_id"`);
        await queryRunner.query(`ALTER TABLE "user_token" DROP CONSTRAINT "fk_user_token_user_id"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_organisation_id"`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "fk_organisation_country_alpha3"`);
        await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_session_id"`);
        await queryRunner.query(`DROP TABLE "refresh_token"`);
        await queryRunner.query(`DROP INDEX "public"."ix_session_user_id"`);
        await queryRunner.query(`DROP TABLE "session"`);
        await queryRunner.query(`DROP INDEX "public"."ix_user_token_user_id_purpose"`);
        await queryRunner.query(`DROP TABLE "user_token"`);
        await queryRunner.query(`DROP INDEX "public"."ix_app_user_organisation_id"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`DROP TABLE "organisation"`);
    }

}
