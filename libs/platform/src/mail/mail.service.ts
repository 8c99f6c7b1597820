import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { localeDirection, type Locale } from '../pure/locales';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The language the message is written in: sent as `Content-Language`, with an HTML part marked `lang` and `dir`. */
  lang?: Locale;
  /** Extra header fields, e.g. RFC 8058's `List-Unsubscribe` and `List-Unsubscribe-Post`. */
  headers?: Record<string, string>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The text as a minimal HTML part in its language and direction, so mail clients lay Arabic out right to left. */
export function mailHtml(subject: string, text: string, lang: Locale): string {
  const dir = localeDirection(lang);
  const paragraphs = text.trim().split(/\n{2,}/).map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body dir="${dir}" style="text-align:${dir === 'rtl' ? 'right' : 'left'}">\n${paragraphs}\n</body></html>\n`;
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
    const { lang, headers, ...content } = message;
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      ...content,
      ...(lang ? { html: mailHtml(content.subject, content.text, lang) } : {}),
      headers: { ...headers, ...(lang ? { 'Content-Language': lang } : {}) },
    });
    this.logger.log(`mail sent: "${message.subject}"`);
    return true;
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}
