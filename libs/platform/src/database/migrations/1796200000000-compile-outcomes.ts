import { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTED_UPDATE_VIEW = `
  CREATE VIEW cycle_counted_update AS
    SELECT u.id AS update_id, u.cycle_id, u.pledge_id, p.lead_organisation_id, u.editorial_status,
           u.editorial_status = 'validated' AS validated, u.status, u.is_late
      FROM progress_update u
      JOIN reporting_cycle c ON c.id = u.cycle_id
      JOIN pledge p ON p.id = u.pledge_id AND p.published_version IS NOT NULL
     WHERE u.editorial_status IN ('submitted', 'validated')
       AND pledge_owes_update(p.first_published_at, p.withdrawn_at, c.status, c.period_start, c.closed_at)`;

const owesUpdate = (closedStatuses: string) => `
  CREATE OR REPLACE FUNCTION pledge_owes_update(first_published_at timestamptz, withdrawn_at timestamptz,
                                                cycle_status text, period_start date, closed_at timestamptz)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT first_published_at <= coalesce(CASE WHEN cycle_status IN (${closedStatuses}) THEN closed_at END, 'infinity'::timestamptz)
       AND (withdrawn_at IS NULL OR withdrawn_at >= (period_start::timestamp AT TIME ZONE 'UTC'))
  $$`;

/**
 * A compilation that is complete or says why not (issue 14): a cycle whose
 * summary ran while some of its reports had failed is `compiled_with_failures`
 * (too long for the old varchar(12); the view reading the column is
 * recreated around the change), a closed cycle for the population rule like
 * `compiled`; and a failed report run records whether the infrastructure or
 * the build failed, so the reconcile job can re-queue the former by itself.
 */
export class CompileOutcomes1796200000000 implements MigrationInterface {
  name = 'CompileOutcomes1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW cycle_counted_update');
    await queryRunner.query('ALTER TABLE "reporting_cycle" ALTER COLUMN "status" TYPE character varying(24)');
    await queryRunner.query(owesUpdate(`'closed', 'compiled', 'compiled_with_failures'`));
    await queryRunner.query(COUNTED_UPDATE_VIEW);
    await queryRunner.query('ALTER TABLE "report_run" ADD "failure_kind" character varying(8)');
    await queryRunner.query(`ALTER TABLE "report_run" ADD CONSTRAINT "ck_report_run_failure_kind" CHECK ("failure_kind" IN ('infra', 'build'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "report_run" DROP CONSTRAINT "ck_report_run_failure_kind"');
    await queryRunner.query('ALTER TABLE "report_run" DROP COLUMN "failure_kind"');
    await queryRunner.query(`UPDATE reporting_cycle SET status = 'closed' WHERE status = 'compiled_with_failures'`);
    await queryRunner.query('DROP VIEW cycle_counted_update');
    await queryRunner.query(owesUpdate(`'closed', 'compiled'`));
    await queryRunner.query('ALTER TABLE "reporting_cycle" ALTER COLUMN "status" TYPE character varying(12)');
    await queryRunner.query(COUNTED_UPDATE_VIEW);
  }
}
