import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 item 4, a team per organisation: the optional in-country approver
 * (organisation.approver_id), the focal point in charge of a pledge
 * (pledge.responsible_user_id, moved by a handover), and the progress update
 * state awaiting_approval (longer than the column allowed). The column's type
 * is changed in place, so cycle_counted_update, which reads it, is re-created
 * as it was: an update awaiting approval is not submitted and does not count.
 */
export class OrganisationTeam1797500000002 implements MigrationInterface {
  name = 'OrganisationTeam1797500000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "approver_id" uuid`);
    await queryRunner.query(`ALTER TABLE "pledge" ADD "responsible_user_id" uuid`);
    await queryRunner.query('DROP VIEW cycle_counted_update');
    await queryRunner.query(`ALTER TABLE "progress_update" ALTER COLUMN "editorial_status" TYPE character varying(20)`);
    await queryRunner.query(COUNTED_UPDATE_VIEW);
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "fk_organisation_approver_id" FOREIGN KEY ("approver_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge" ADD CONSTRAINT "fk_pledge_responsible_user_id" FOREIGN KEY ("responsible_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pledge" DROP CONSTRAINT "fk_pledge_responsible_user_id"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "fk_organisation_approver_id"`);
    await queryRunner.query(`UPDATE "progress_update" SET "editorial_status" = 'draft' WHERE "editorial_status" = 'awaiting_approval'`);
    await queryRunner.query('DROP VIEW cycle_counted_update');
    await queryRunner.query(`ALTER TABLE "progress_update" ALTER COLUMN "editorial_status" TYPE character varying(12)`);
    await queryRunner.query(COUNTED_UPDATE_VIEW);
    await queryRunner.query(`ALTER TABLE "pledge" DROP COLUMN "responsible_user_id"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "approver_id"`);
  }
}

/** cycle_counted_update as the cycle-population migration defines it. */
const COUNTED_UPDATE_VIEW = `
  CREATE VIEW cycle_counted_update AS
    SELECT u.id AS update_id, u.cycle_id, u.pledge_id, p.lead_organisation_id, u.editorial_status,
           u.editorial_status = 'validated' AS validated, u.status, u.is_late
      FROM progress_update u
      JOIN reporting_cycle c ON c.id = u.cycle_id
      JOIN pledge p ON p.id = u.pledge_id AND p.published_version IS NOT NULL
     WHERE u.editorial_status IN ('submitted', 'validated')
       AND pledge_owes_update(p.first_published_at, p.withdrawn_at, c.status, c.period_start, c.closed_at)`;
