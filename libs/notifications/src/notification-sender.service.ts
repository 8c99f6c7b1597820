import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MailService } from '@gcm/platform';
import { DataSource } from 'typeorm';

export type SendOutcome = 'sent' | 'skipped';

/**
 * E-mails one notification, at most once. The row is claimed (`sending`)
 * before the SMTP conversation; an SMTP error hands it back (`failed`) for
 * BullMQ to retry. A worker killed between the server's acceptance and the
 * `sent` mark leaves it `sending`: not resent, visible to the secretariat.
 */
@Injectable()
export class NotificationSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {}

  async send(notificationId: string): Promise<SendOutcome> {
    if (!this.mail.enabled) return 'skipped';
    const [rows]: [{ email: string; subject: string; body: string }[]] = await this.dataSource.query(
      `UPDATE notification n SET email_status = 'sending', email_attempts = email_attempts + 1
         FROM app_user u
        WHERE n.id = $1 AND u.id = n.user_id AND u.active AND n.email_status IN ('pending', 'failed')
        RETURNING u.email, n.subject, n.body`,
      [notificationId],
    );
    if (rows.length === 0) return 'skipped';
    const [message] = rows;
    try {
      await this.mail.send({ to: message.email, subject: message.subject, text: message.body });
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
