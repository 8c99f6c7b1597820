import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MailService, type Locale } from '@gcm/platform';
import { DataSource } from 'typeorm';
import type { ReminderStep } from './entities/notification.entity';
import { ReminderLinksService } from './reminders/reminder-links.service';
import { ReminderPledge, reminderMessage } from './reminders/reminder-message';

interface Claimed {
  email: string;
  /** The language the message is written in, where known (a reminder's); sent as Content-Language. */
  language?: Locale;
  subject: string;
  body: string;
  kind: string;
  userId: string;
  cycleId: string | null;
  step: ReminderStep | null;
  data: Record<string, unknown>;
}

export type SendOutcome = 'sent' | 'skipped';

/**
 * E-mails one notification, at most once. The row is claimed (`sending`)
 * before the SMTP conversation; an SMTP error hands it back (`failed`) for
 * BullMQ to retry (a retry issues the reminder's links afresh). A worker killed between the server's acceptance and the
 * `sent` mark leaves it `sending`: not resent, visible to the secretariat.
 */
@Injectable()
export class NotificationSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly links: ReminderLinksService,
  ) {}

  async send(notificationId: string): Promise<SendOutcome> {
    if (!this.mail.enabled) return 'skipped';
    const message = await this.dataSource.transaction(async (m) => {
      const [rows]: [Claimed[]] = await m.query(
        `UPDATE notification n SET email_status = 'sending', email_attempts = email_attempts + 1
           FROM app_user u
          WHERE n.id = $1 AND u.id = n.user_id AND u.active AND n.email_status IN ('pending', 'failed')
          RETURNING u.email, n.subject, n.body, n.kind, n.user_id AS "userId", n.cycle_id AS "cycleId", n.step, n.data`,
        [notificationId],
      );
      const [claimed] = rows;
      if (!claimed || claimed.kind !== 'reporting_reminder' || !claimed.cycleId || !claimed.step) return claimed;
      // The e-mail carries single-use links; the stored copy (shown in the workspace) never holds a token.
      const data = claimed.data as { cycle: string; deadline: string; pledges: ReminderPledge[]; language?: Locale };
      // Written in the language of the stored copy (the recipient's when the reminder was made), so subject and body agree.
      const lang = data.language ?? 'en';
      const links = await this.links.issue(m, notificationId, claimed.userId, claimed.cycleId, data.pledges.map((p) => p.id));
      const group = { userId: claimed.userId, cycleId: claimed.cycleId, cycleCode: data.cycle, deadline: data.deadline, step: claimed.step, pledges: data.pledges };
      return { ...claimed, language: lang, body: reminderMessage(group, this.mail.publicUrl(), links, lang).body };
    });
    if (!message) return 'skipped';
    try {
      await this.mail.send({ to: message.email, subject: message.subject, text: message.body, lang: message.language });
    } catch (err) {
      await this.dataSource.query(
        `UPDATE notification SET email_status = 'failed', email_error = $2 WHERE id = $1 AND email_status = 'sending'`,
        [notificationId, (err as Error).message.slice(0, 2000)],
      );
      throw err;
    }
    await this.dataSource.query(
      `UPDATE notification SET email_status = 'sent', emailed_at = now(), email_error = NULL WHERE id = $1`,
      [notificationId],
    );
    return 'sent';
  }
}
