import { MigrationInterface, QueryRunner } from "typeorm";

export class ReportRuns1795339058650 implements MigrationInterface {
    name = 'ReportRuns1795339058650'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "expert_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "author_id" uuid NOT NULL, "mandate" character varying(200), "theme_number" smallint, "objective_number" smallint, "year" smallint NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "review_note" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, CONSTRAINT "ck_expert_report_year" CHECK ("year" BETWEEN 2018 AND 2100), CONSTRAINT "ck_expert_report_subject" CHECK (num_nonnulls("theme_number", "objective_number") = 1), CONSTRAINT "ck_expert_report_status" CHECK ("status" IN ('draft', 'submitted', 'returned', 'published')), CONSTRAINT "pk_expert_report_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_expert_report_author_id" ON "expert_report" ("author_id") `);
        await queryRunner.query(`CREATE INDEX "ix_expert_report_status_year" ON "expert_report" ("status", "year") `);
        await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "cycle_id" uuid, "step" character varying(8), "subject" character varying(300) NOT NULL, "body" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "email_status" character varying(16) NOT NULL, "email_attempts" integer NOT NULL DEFAULT '0', "emailed_at" TIMESTAMP WITH TIME ZONE, "email_error" text, CONSTRAINT "ck_notification_step" CHECK ("step" IS NULL OR "step" IN ('t30', 't7', 'overdue')), CONSTRAINT "ck_notification_email_status" CHECK ("email_status" IN ('not_configured', 'pending', 'sending', 'sent', 'failed')), CONSTRAINT "pk_notification_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_notification_cycle_id_step" ON "notification" ("cycle_id", "step") `);
        await queryRunner.query(`CREATE INDEX "ix_notification_user_id_created_at" ON "notification" ("user_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "reporting_reminder" ("pledge_id" uuid NOT NULL, "cycle_id" uuid NOT NULL, "step" character varying(8) NOT NULL, "user_id" uuid NOT NULL, "notification_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_reporting_reminder_pledge_id_cycle_id_step_user_id" PRIMARY KEY ("pledge_id", "cycle_id", "step", "user_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_reporting_reminder_notification_id" ON "reporting_reminder" ("notification_id") `);
        await queryRunner.query(`CREATE TABLE "report_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "scope" character varying(40) NOT NULL, "cycle_key" character varying(200) NOT NULL, "cycle_id" uuid NOT NULL, "cycle_ids" uuid array NOT NULL, "snapshot_hash" character(64) NOT NULL, "number" integer NOT NULL, "title" character varying(500) NOT NULL, "model" jsonb NOT NULL, "built_by_run_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, CONSTRAINT "pk_report_version_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_report_version_cycle_id_kind" ON "report_version" ("cycle_id", "kind") `);
        await queryRunner.query(`CREATE INDEX "ix_report_version_published" ON "report_version" ("published_at") WHERE "published_at" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_version_number" ON "report_version" ("kind", "scope", "cycle_key", "number") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_version_snapshot" ON "report_version" ("kind", "scope", "cycle_key", "snapshot_hash") `);
        await queryRunner.query(`CREATE TABLE "report_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "scope" character varying(40) NOT NULL, "cycle_key" character varying(200) NOT NULL, "cycle_id" uuid NOT NULL, "cycle_ids" uuid array NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT '0', "error" text, "attempts" integer NOT NULL DEFAULT '0', "flow_id" character varying(80), "parent_run_id" uuid, "requested_by" uuid, "version_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_report_run_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "ck_report_run_kind" CHECK ("kind" IN ('state', 'objective', 'theme', 'region', 'round_table', 'imrf_summary')), CONSTRAINT "ck_report_run_status" CHECK ("status" IN ('queued', 'running', 'completed', 'failed', 'cancelled')), CONSTRAINT "pk_report_run_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_report_run_flow_id" ON "report_run" ("flow_id") `);
        await queryRunner.query(`CREATE INDEX "ix_report_run_cycle_id_kind" ON "report_run" ("cycle_id", "kind") `);
        await queryRunner.query(`CREATE INDEX "ix_report_run_status_created_at" ON "report_run" ("status", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_report_run_active" ON "report_run" ("kind", "scope", "cycle_key") WHERE "status" IN ('queued', 'running')`);
        await queryRunner.query(`CREATE TABLE "report_snapshot" ("root_run_id" uuid NOT NULL, "cycle_ids" uuid array NOT NULL, "size" integer NOT NULL, "bytes" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_report_snapshot_root_run_id" PRIMARY KEY ("root_run_id"))`);
        await queryRunner.query(`CREATE TABLE "report_file" ("version_id" uuid NOT NULL, "format" character varying(8) NOT NULL, "content_type" character varying(120) NOT NULL, "sha256" character(64) NOT NULL, "size" integer NOT NULL, "bytes" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_report_file_format" CHECK ("format" IN ('json', 'html', 'pdf', 'csv', 'xlsx')), CONSTRAINT "pk_report_file_version_id_format" PRIMARY KEY ("version_id", "format"))`);
        await queryRunner.query(`ALTER TABLE "expert_report" ADD CONSTRAINT "fk_expert_report_author_id" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "expert_report" ADD CONSTRAINT "fk_expert_report_theme_number" FOREIGN KEY ("theme_number") REFERENCES "theme"("number") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "expert_report" ADD CONSTRAINT "fk_expert_report_objective_number" FOREIGN KEY ("objective_number") REFERENCES "objective"("number") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "expert_report" ADD CONSTRAINT "fk_expert_report_published_by" FOREIGN KEY ("published_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reporting_reminder" ADD CONSTRAINT "fk_reporting_reminder_pledge_id" FOREIGN KEY ("pledge_id") REFERENCES "pledge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reporting_reminder" ADD CONSTRAINT "fk_reporting_reminder_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reporting_reminder" ADD CONSTRAINT "fk_reporting_reminder_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reporting_reminder" ADD CONSTRAINT "fk_reporting_reminder_notification_id" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_version" ADD CONSTRAINT "fk_report_version_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_version" ADD CONSTRAINT "fk_report_version_published_by" FOREIGN KEY ("published_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_run" ADD CONSTRAINT "fk_report_run_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_run" ADD CONSTRAINT "fk_report_run_parent_run_id" FOREIGN KEY ("parent_run_id") REFERENCES "report_run"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_run" ADD CONSTRAINT "fk_report_run_requested_by" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_run" ADD CONSTRAINT "fk_report_run_version_id" FOREIGN KEY ("version_id") REFERENCES "report_version"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_snapshot" ADD CONSTRAINT "fk_report_snapshot_root_run_id" FOREIGN KEY ("root_run_id") REFERENCES "report_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_file" ADD CONSTRAINT "fk_report_file_version_id" FOREIGN KEY ("version_id") REFERENCES "report_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "report_file" DROP CONSTRAINT "fk_report_file_version_id"`);
        await queryRunner.query(`ALTER TABLE "report_snapshot" DROP CONSTRAINT "fk_report_snapshot_root_run_id"`);
        await queryRunner.query(`ALTER TABLE "report_run" DROP CONSTRAINT "fk_report_run_version_id"`);
        await queryRunner.query(`ALTER TABLE "report_run" DROP CONSTRAINT "fk_report_run_requested_by"`);
        await queryRunner.query(`ALTER TABLE "report_run" DROP CONSTRAINT "fk_report_run_parent_run_id"`);
        await queryRunner.query(`ALTER TABLE "report_run" DROP CONSTRAINT "fk_report_run_cycle_id"`);
        await queryRunner.query(`ALTER TABLE "report_version" DROP CONSTRAINT "fk_report_version_published_by"`);
        await queryRunner.query(`ALTER TABLE "report_version" DROP CONSTRAINT "fk_report_version_cycle_id"`);
        await queryRunner.query(`ALTER TABLE "reporting_reminder" DROP CONSTRAINT "fk_reporting_reminder_notification_id"`);
        await queryRunner.query(`ALTER TABLE "reporting_reminder" DROP CONSTRAINT "fk_reporting_reminder_user_id"`);
        await queryRunner.query(`ALTER TABLE "reporting_reminder" DROP CONSTRAINT "fk_reporting_reminder_cycle_id"`);
        await queryRunner.query(`ALTER TABLE "reporting_reminder" DROP CONSTRAINT "fk_reporting_reminder_pledge_id"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_cycle_id"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_user_id"`);
        await queryRunner.query(`ALTER TABLE "expert_report" DROP CONSTRAINT "fk_expert_report_published_by"`);
        await queryRunner.query(`ALTER TABLE "expert_report" DROP CONSTRAINT "fk_expert_report_objective_number"`);
        await queryRunner.query(`ALTER TABLE "expert_report" DROP CONSTRAINT "fk_expert_report_theme_number"`);
        await queryRunner.query(`ALTER TABLE "expert_report" DROP CONSTRAINT "fk_expert_report_author_id"`);
        await queryRunner.query(`DROP TABLE "report_file"`);
        await queryRunner.query(`DROP TABLE "report_snapshot"`);
        await queryRunner.query(`DROP INDEX "public"."uq_report_run_active"`);
        await queryRunner.query(`DROP INDEX "public"."ix_report_run_status_created_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_report_run_cycle_id_kind"`);
        await queryRunner.query(`DROP INDEX "public"."ix_report_run_flow_id"`);
        await queryRunner.query(`DROP TABLE "report_run"`);
        await queryRunner.query(`DROP INDEX "public"."uq_report_version_snapshot"`);
        await queryRunner.query(`DROP INDEX "public"."uq_report_version_number"`);
        await queryRunner.query(`DROP INDEX "public"."ix_report_version_published"`);
        await queryRunner.query(`DROP INDEX "public"."ix_report_version_cycle_id_kind"`);
        await queryRunner.query(`DROP TABLE "report_version"`);
        await queryRunner.query(`DROP INDEX "public"."ix_reporting_reminder_notification_id"`);
        await queryRunner.query(`DROP TABLE "reporting_reminder"`);
        await queryRunner.query(`DROP INDEX "public"."ix_notification_user_id_created_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_notification_cycle_id_step"`);
        await queryRunner.query(`DROP TABLE "notification"`);
        await queryRunner.query(`DROP INDEX "public"."ix_expert_report_status_year"`);
        await queryRunner.query(`DROP INDEX "public"."ix_expert_report_author_id"`);
        await queryRunner.query(`DROP TABLE "expert_report"`);
    }

}
