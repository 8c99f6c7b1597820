import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MAIL_LANGUAGE_SQL } from '@gcm/accounts';
import { AuditService, MailService, type Locale } from '@gcm/platform';
import { COUNTED_UPDATES, cyclePopulationSql, organisationDeadlineSql } from '@gcm/reporting';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { REMINDER_STEPS, ReminderStep } from '../entities/notification.entity';
import { ReminderGroup, reminderMessage } from './reminder-message';

/**
 * The step a cycle is at on a UTC day: T−30 from 30 days before the deadline,
 * T−7 from 7 days before it, overdue after it (the deadline day itself is on time).
 */
export const STEP_SQL = (today: string, deadline: string) => `CASE
  WHEN ${today} > ${deadline} THEN 'overdue'
  WHEN ${today} >= ${deadline} - 7 THEN 't7'
  WHEN ${today} >= ${deadline} - 30 THEN 't30' END`;

/**
 * Reminds focal points of pledges that owe an update for an open cycle (the
 * cycle population defined by libs/reporting) and have no counted one
 * (submitted or validated; one awaiting the organisation's approver is not).
 * The steps count from the organisation's deadline (a granted extension moves it). One scan is one transaction: the reminders it
 * inserts (at most one per pledge, cycle, step and focal point, by primary key) and
 * the notifications grouping them commit together, so running it twice, or
 * in two workers at once, notifies nobody twice.
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async scan(now: Date = new Date()): Promise<{ notificationIds: string[]; reminders: number }> {
    const today = now.toISOString().slice(0, 10);
    return this.dataSource.transaction(async (m) => {
      const inserted: { pledgeId: string; cycleId: string; step: ReminderStep; userId: string }[] = await m.query(
        `WITH owing AS (
           SELECT c.id AS cycle_id, p.pledge_id, p.lead_organisation_id, ${organisationDeadlineSql('c.id', 'p.lead_organisation_id')} AS deadline
             FROM reporting_cycle c CROSS JOIN LATERAL ${cyclePopulationSql('c.id')} p
            WHERE c.status = 'open'
         ), due AS (
           SELECT o.*, ${STEP_SQL('$1::date', 'o.deadline')} AS step FROM owing o
         )
         INSERT INTO reporting_reminder (pledge_id, cycle_id, step, user_id)
         SELECT d.pledge_id, d.cycle_id, d.step, u.id
           FROM due d
           JOIN app_user u ON u.organisation_id = d.lead_organisation_id AND u.role = 'focal_point' AND u.active
          WHERE d.step IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM ${COUNTED_UPDATES} x WHERE x.pledge_id = d.pledge_id AND x.cycle_id = d.cycle_id)
         ON CONFLICT DO NOTHING
         RETURNING pledge_id AS "pledgeId", cycle_id AS "cycleId", step, user_id AS "userId"`,
        [today],
      );
      if (inserted.length === 0) return { notificationIds: [], reminders: 0 };
      const groups: (ReminderGroup & { language: Locale })[] = await m.query(
        `SELECT r.user_id AS "userId", r.cycle_id AS "cycleId", c.code AS "cycleCode",
                to_char(${organisationDeadlineSql('c.id', 'u.organisation_id')}, 'YYYY-MM-DD') AS deadline, r.step,
                json_agg(json_build_object('id', p.id, 'reference', p.reference, 'title', p.title) ORDER BY p.reference) AS pledges,
                ${MAIL_LANGUAGE_SQL} AS language
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) AS r(pledge_id, cycle_id, step, user_id)
           JOIN pledge p ON p.id = r.pledge_id JOIN reporting_cycle c ON c.id = r.cycle_id JOIN app_user u ON u.id = r.user_id
           LEFT JOIN organisation o ON o.id = u.organisation_id
          GROUP BY r.user_id, r.cycle_id, c.code, c.id, u.organisation_id, r.step, u.language, o.language
          ORDER BY r.user_id, c.code, array_position($5::text[], r.step)`,
        [inserted.map((r) => r.pledgeId), inserted.map((r) => r.cycleId), inserted.map((r) => r.step), inserted.map((r) => r.userId), REMINDER_STEPS],
      );
      const messages = groups.map((g) => reminderMessage(g, this.mail.publicUrl(), undefined, g.language));
      const ids = groups.map(() => randomUUID());
      await m.query(
        `INSERT INTO notification (id, user_id, kind, cycle_id, step, subject, body, data, email_status)
         SELECT g.id, g.user_id, 'reporting_reminder', g.cycle_id, g.step, g.subject, g.body, g.data, $8
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[])
                AS g(id, user_id, cycle_id, step, subject, body, data)`,
        [
          ids, groups.map((g) => g.userId), groups.map((g) => g.cycleId), groups.map((g) => g.step),
          messages.map((x) => x.subject), messages.map((x) => x.body),
          groups.map((g) => JSON.stringify({ cycle: g.cycleCode, deadline: g.deadline, pledges: g.pledges, language: g.language })),
          this.mail.enabled ? 'pending' : 'not_configured',
        ],
      );
      await m.query(
        `UPDATE reporting_reminder r SET notification_id = g.id
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) AS g(user_id, cycle_id, step, id)
          WHERE r.user_id = g.user_id AND r.cycle_id = g.cycle_id AND r.step = g.step AND r.notification_id IS NULL`,
        [groups.map((g) => g.userId), groups.map((g) => g.cycleId), groups.map((g) => g.step), ids],
      );
      await this.audit.record(m, {
        action: 'reminders.sent', entityType: 'reporting_reminder', entityId: today,
        after: { reminders: inserted.length, notifications: ids.length },
      });
      return { notificationIds: ids, reminders: inserted.length };
    });
  }

  /** Notifications still waiting for e-mail after `minutes`. */
  async unsentSince(minutes: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification WHERE email_status = 'pending' AND created_at < now() - make_interval(mins => $1) ORDER BY created_at LIMIT 500`,
      [minutes],
    );
    return rows.map((r) => r.id);
  }
}
