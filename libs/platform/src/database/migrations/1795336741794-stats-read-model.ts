import { MigrationInterface, QueryRunner } from "typeorm";

export class StatsReadModel1795336741794 implements MigrationInterface {
    name = 'StatsReadModel1795336741794'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stats_update" ("update_id" uuid NOT NULL, "pledge_id" uuid NOT NULL, "cycle_id" uuid NOT NULL, "period_start" date NOT NULL, "editorial_status" character varying(12) NOT NULL, "status" character varying(16) NOT NULL, "valid_until" date, CONSTRAINT "pk_stats_update_update_id" PRIMARY KEY ("update_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_stats_update_pledge_id" ON "stats_update" ("pledge_id") `);
        await queryRunner.query(`CREATE INDEX "ix_stats_update_cycle_id" ON "stats_update" ("cycle_id") `);
        await queryRunner.query(`CREATE TABLE "stats_pledge" ("pledge_id" uuid NOT NULL, "lead_organisation_id" uuid NOT NULL, "lead_kind" character varying(20) NOT NULL, "lead_country" character(3), "form" character varying(16), "implementation_status" character varying(16) NOT NULL, "first_published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "primary_objective" smallint, "objectives" smallint array NOT NULL, "primary_theme" smallint, "themes" smallint array NOT NULL, "recommendations" integer array NOT NULL, "countries" character(3) array NOT NULL, "regions" character(3) array NOT NULL, CONSTRAINT "pk_stats_pledge_pledge_id" PRIMARY KEY ("pledge_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_stats_pledge_lead_country" ON "stats_pledge" ("lead_country") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_stats_pledge_lead_country"`);
        await queryRunner.query(`DROP TABLE "stats_pledge"`);
        await queryRunner.query(`DROP INDEX "public"."ix_stats_update_cycle_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_stats_update_pledge_id"`);
        await queryRunner.query(`DROP TABLE "stats_update"`);
    }

}
