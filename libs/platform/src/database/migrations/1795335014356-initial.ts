import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795335014356 implements MigrationInterface {
    name = 'Initial1795335014356'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_role" character varying(32), "action" character varying(64) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(128), "before" jsonb, "after" jsonb, "ip" character varying(64), "correlation_id" character varying(128), CONSTRAINT "pk_audit_log_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_audit_log_actor_id" ON "audit_log" ("actor_id") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_log_occurred_at" ON "audit_log" ("occurred_at") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_log_entity_type_entity_id" ON "audit_log" ("entity_type", "entity_id") `);
        await queryRunner.query(`CREATE TABLE "practice" ("code" character varying(16) NOT NULL, "session_number" smallint NOT NULL, "title" character varying(500) NOT NULL, "briefly_referred" boolean NOT NULL DEFAULT false, "organisation" text, "period" text, "geographical_scope" text, "description" text, "impacts" text, "lessons_learned" text, "resources" text, "contact" text, "contact_public" boolean NOT NULL DEFAULT false, "search" tsvector, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_practice_code" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE INDEX "ix_practice_session_number" ON "practice" ("session_number") `);
        await queryRunner.query(`CREATE TABLE "practice_session_objective" ("session_number" smallint NOT NULL, "objective_number" smallint NOT NULL, "quoted_title" character varying(400) NOT NULL, CONSTRAINT "pk_practice_session_objective_session_number_objective_number" PRIMARY KEY ("session_number", "objective_number"))`);
        await queryRunner.query(`CREATE TABLE "practice_session" ("number" smallint NOT NULL, "code" character varying(8) NOT NULL, "part" smallint NOT NULL, "title" character varying(400) NOT NULL, CONSTRAINT "uq_practice_session_code" UNIQUE ("code"), CONSTRAINT "pk_practice_session_number" PRIMARY KEY ("number"))`);
        await queryRunner.query(`CREATE TABLE "practice_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "requested_by" uuid, "source_file" character varying(200) NOT NULL, "sessions" integer NOT NULL, "practices" integer NOT NULL, "created" integer NOT NULL, "updated" integer NOT NULL, "warnings" jsonb NOT NULL, CONSTRAINT "pk_practice_import_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "commitment" ("code" character varying(12) NOT NULL, "theme_number" smallint NOT NULL, "position" smallint NOT NULL, "text" text NOT NULL, "sub_items" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "pk_commitment_code" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ix_commitment_theme_number_position" ON "commitment" ("theme_number", "position") `);
        await queryRunner.query(`CREATE TABLE "theme" ("number" smallint NOT NULL, "code" character varying(4) NOT NULL, "title" character varying(300) NOT NULL, CONSTRAINT "uq_theme_code" UNIQUE ("code"), CONSTRAINT "pk_theme_number" PRIMARY KEY ("number"))`);
        await queryRunner.query(`CREATE TABLE "round_table" ("code" character varying(8) NOT NULL, "number" smallint NOT NULL, "title" character varying(300) NOT NULL, "year" smallint NOT NULL, CONSTRAINT "pk_round_table_code" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "consideration" ("id" SERIAL NOT NULL, "recommendation_paragraph" integer NOT NULL, "position" smallint NOT NULL, "text" text NOT NULL, "source" character varying(100) NOT NULL, CONSTRAINT "pk_consideration_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ix_consideration_recommendation_paragraph_position" ON "consideration" ("recommendation_paragraph", "position") `);
        await queryRunner.query(`CREATE TABLE "recommendation" ("paragraph" integer NOT NULL, "short_title" character varying(300) NOT NULL, "text" text NOT NULL, "objective_numbers" smallint array NOT NULL DEFAULT '{}', "source" character varying(100) NOT NULL, CONSTRAINT "pk_recommendation_paragraph" PRIMARY KEY ("paragraph"))`);
        await queryRunner.query(`CREATE TABLE "principle" ("key" character(1) NOT NULL, "name" character varying(100) NOT NULL, "gist" character varying(500) NOT NULL, CONSTRAINT "pk_principle_key" PRIMARY KEY ("key"))`);
        await queryRunner.query(`CREATE TABLE "objective_theme" ("objective_number" smallint NOT NULL, "theme_number" smallint NOT NULL, "is_primary" boolean NOT NULL DEFAULT false, CONSTRAINT "pk_objective_theme_objective_number_theme_number" PRIMARY KEY ("objective_number", "theme_number"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_objective_theme_primary" ON "objective_theme" ("objective_number") WHERE "is_primary"`);
        await queryRunner.query(`CREATE TABLE "objective" ("number" smallint NOT NULL, "title" character varying(300) NOT NULL, "short_label" character varying(100) NOT NULL, "round_table_code" character varying(8), CONSTRAINT "pk_objective_number" PRIMARY KEY ("number"))`);
        await queryRunner.query(`CREATE TABLE "framework_version" ("version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "note" character varying(500) NOT NULL, "created_by" uuid, "snapshot" jsonb NOT NULL, CONSTRAINT "pk_framework_version_version" PRIMARY KEY ("version"))`);
        await queryRunner.query(`CREATE TABLE "country" ("alpha3" character(3) NOT NULL, "alpha2" character(2) NOT NULL, "m49" character(3) NOT NULL, "name" character varying(100) NOT NULL, "region" character varying(50) NOT NULL, "region_m49" character(3) NOT NULL, "subregion" character varying(60) NOT NULL, "subregion_m49" character(3) NOT NULL, "intermediate_region" character varying(60), "intermediate_region_m49" character(3), "un_status" character varying(10) NOT NULL, CONSTRAINT "uq_country_alpha2" UNIQUE ("alpha2"), CONSTRAINT "uq_country_m49" UNIQUE ("m49"), CONSTRAINT "pk_country_alpha3" PRIMARY KEY ("alpha3"))`);
        await queryRunner.query(`CREATE INDEX "ix_country_subregion_m49" ON "country" ("subregion_m49") `);
        await queryRunner.query(`CREATE INDEX "ix_country_region_m49" ON "country" ("region_m49") `);
        await queryRunner.query(`ALTER TABLE "practice_session_objective" ADD CONSTRAINT "fk_practice_session_objective_session_number" FOREIGN KEY ("session_number") REFERENCES "practice_session"("number") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "commitment" ADD CONSTRAINT "fk_commitment_theme_number" FOREIGN KEY ("theme_number") REFERENCES "theme"("number") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consideration" ADD CONSTRAINT "fk_consideration_recommendation_paragraph" FOREIGN KEY ("recommendation_paragraph") REFERENCES "recommendation"("paragraph") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "objective_theme" ADD CONSTRAINT "fk_objective_theme_objective_number" FOREIGN KEY ("objective_number") REFERENCES "objective"("number") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "objective_theme" ADD CONSTRAINT "fk_objective_theme_theme_number" FOREIGN KEY ("theme_number") REFERENCES "theme"("number") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "objective" ADD CONSTRAINT "fk_objective_round_table_code" FOREIGN KEY ("round_table_code") REFERENCES "round_table"("code") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "objective" DROP CONSTRAINT "fk_objective_round_table_code"`);
        await queryRunner.query(`ALTER TABLE "objective_theme" DROP CONSTRAINT "fk_objective_theme_theme_number"`);
        await queryRunner.query(`ALTER TABLE "objective_theme" DROP CONSTRAINT "fk_objective_theme_objective_number"`);
        await queryRunner.query(`ALTER TABLE "consideration" DROP CONSTRAINT "fk_consideration_recommendation_paragraph"`);
        await queryRunner.query(`ALTER TABLE "commitment" DROP CONSTRAINT "fk_commitment_theme_number"`);
        await queryRunner.query(`ALTER TABLE "practice_session_objective" DROP CONSTRAINT "fk_practice_session_objective_session_number"`);
        await queryRunner.query(`DROP INDEX "public"."ix_country_region_m49"`);
        await queryRunner.query(`DROP INDEX "public"."ix_country_subregion_m49"`);
        await queryRunner.query(`DROP TABLE "country"`);
        await queryRunner.query(`DROP TABLE "framework_version"`);
        await queryRunner.query(`DROP TABLE "objective"`);
        await queryRunner.query(`DROP INDEX "public"."uq_objective_theme_primary"`);
        await queryRunner.query(`DROP TABLE "objective_theme"`);
        await queryRunner.query(`DROP TABLE "principle"`);
        await queryRunner.query(`DROP TABLE "recommendation"`);
        await queryRunner.query(`DROP INDEX "public"."ix_consideration_recommendation_paragraph_position"`);
        await queryRunner.query(`DROP TABLE "consideration"`);
        await queryRunner.query(`DROP TABLE "round_table"`);
        await queryRunner.query(`DROP TABLE "theme"`);
        await queryRunner.query(`DROP INDEX "public"."ix_commitment_theme_number_position"`);
        await queryRunner.query(`DROP TABLE "commitment"`);
        await queryRunner.query(`DROP TABLE "practice_import"`);
        await queryRunner.query(`DROP TABLE "practice_session"`);
        await queryRunner.query(`DROP TABLE "practice_session_objective"`);
        await queryRunner.query(`DROP INDEX "public"."ix_practice_session_number"`);
        await queryRunner.query(`DROP TABLE "practice"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_log_entity_type_entity_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_log_occurred_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_log_actor_id"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }

}
