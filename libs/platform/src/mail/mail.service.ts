import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail over SMTP_URL. Without it nothing is sent (the caller decides
 * what else to do, e.g. show an invitation link to the secretariat).
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  /** The base of links in mails and invitation URLs. */
  publicUrl(): string {
    return (this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/+$/, '');
  }

  /** Resolves true once the SMTP server accepted the message, false when mail is not configured. */
  async send(message: MailMessage): Promise<boolean> {
    if (!this.config.SMTP_URL) return false;
    this.transport ??= createTransport(this.config.SMTP_URL);
    await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message });
    this.logger.log(`mail sent: "${message.subject}"`);
    return true;
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}
