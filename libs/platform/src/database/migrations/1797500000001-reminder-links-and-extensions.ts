import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 items 3 and 5. reminder_link: the hashed single-use tokens of a
 * reminder e-mail's "no change" / "update" links. deadline_extension: an
 * organisation's extension of one cycle's deadline, and
 * organisation_deadline(cycle, organisation), the one rule for "the deadline
 * that applies to this organisation" (the granted extension's date, else the
 * cycle's), which late flags, reminders and reports read.
 * progress_update.after_extension: submitted after the cycle's deadline but by
 * the organisation's extended one.
 */
export class ReminderLinksAndExtensions1797500000001 implements MigrationInterface {
    name = 'ReminderLinksAndExtensions1797500000001';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "deadline_extension" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'requested', "reason" text NOT NULL, "requested_deadline" date, "deadline" date, "decision_comment" text, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_deadline_extension_granted" CHECK ("status" <> 'granted' OR "deadline" IS NOT NULL), CONSTRAINT "ck_deadline_extension_status" CHECK ("status" IN ('requested', 'granted', 'declined')), CONSTRAINT "pk_deadline_extension_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_deadline_extension_status" ON "deadline_extension" ("status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_deadline_extension_live" ON "deadline_extension" ("cycle_id", "organisation_id") WHERE "status" IN ('requested', 'granted')`);
        await queryRunner.query(`CREATE TABLE "reminder_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "action" character varying(10) NOT NULL, "user_id" uuid NOT NULL, "pledge_id" uuid NOT NULL, "cycle_id" uuid NOT NULL, "pledge_version" integer NOT NULL, "notification_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_reminder_link_token_hash" UNIQUE ("token_hash"), CONSTRAINT "ck_reminder_link_action" CHECK ("action" IN ('no_change', 'update')), CONSTRAINT "pk_reminder_link_id" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_reminder_link_user_id_pledge_id_cycle_id" ON "reminder_link" ("user_id", "pledge_id", "cycle_id") `);
        await queryRunner.query(`CREATE INDEX "ix_reminder_link_notification_id" ON "reminder_link" ("notification_id") `);
        await queryRunner.query(`ALTER TABLE "progress_update" ADD "after_extension" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" ADD CONSTRAINT "fk_deadline_extension_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" ADD CONSTRAINT "fk_deadline_extension_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reminder_link" ADD CONSTRAINT "fk_reminder_link_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reminder_link" ADD CONSTRAINT "fk_reminder_link_pledge_id" FOREIGN KEY ("pledge_id") REFERENCES "pledge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reminder_link" ADD CONSTRAINT "fk_reminder_link_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "reporting_cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reminder_link" ADD CONSTRAINT "fk_reminder_link_notification_id" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`
          CREATE FUNCTION organisation_deadline(cycle_id uuid, organisation_id uuid)
          RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
            SELECT coalesce(
              (SELECT e.deadline FROM deadline_extension e
                WHERE e.cycle_id = organisation_deadline.cycle_id AND e.organisation_id = organisation_deadline.organisation_id
                  AND e.status = 'granted'),
              (SELECT c.deadline FROM reporting_cycle c WHERE c.id = organisation_deadline.cycle_id))
          $$`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('DROP FUNCTION organisation_deadline(uuid, uuid)');
        await queryRunner.query(`ALTER TABLE "reminder_link" DROP CONSTRAINT "fk_reminder_link_notification_id"`);
        await queryRunner.query(`ALTER TABLE "reminder_link" DROP CONSTRAINT "fk_reminder_link_cycle_id"`);
        await queryRunner.query(`ALTER TABLE "reminder_link" DROP CONSTRAINT "fk_reminder_link_pledge_id"`);
        await queryRunner.query(`ALTER TABLE "reminder_link" DROP CONSTRAINT "fk_reminder_link_user_id"`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" DROP CONSTRAINT "fk_deadline_extension_organisation_id"`);
        await queryRunner.query(`ALTER TABLE "deadline_extension" DROP CONSTRAINT "fk_deadline_extension_cycle_id"`);
        await queryRunner.query(`ALTER TABLE "progress_update" DROP COLUMN "after_extension"`);
        await queryRunner.query(`DROP INDEX "public"."ix_reminder_link_notification_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_reminder_link_user_id_pledge_id_cycle_id"`);
        await queryRunner.query(`DROP TABLE "reminder_link"`);
        await queryRunner.query(`DROP INDEX "public"."uq_deadline_extension_live"`);
        await queryRunner.query(`DROP INDEX "public"."ix_deadline_extension_status"`);
        await queryRunner.query(`DROP TABLE "deadline_extension"`);
    }
}
