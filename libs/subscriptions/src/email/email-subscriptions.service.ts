import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashSecretToken, newSecretToken, RateLimitService } from '@gcm/accounts';
import { AppConfig, AuditService, DomainError, ErrorCode, formatMessage, localePagePath, MailService, type Locale } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { SubscriptionsConfig } from '../config/subscriptions-config';
import { topicLabel, type SubscriptionTopic, type TopicRef } from './collate';
import type { SubscribeDto } from './email-subscription.dto';
import type { ConfirmedSubscriptionView, SubscriptionRequestedView, UnsubscribedView } from './email-subscription.view';
import { SUBSCRIPTION_MESSAGES } from './subscription-messages';
import { subscriberOfToken, unsubscribeToken } from './unsubscribe-token';

export const CONFIRM_PATH = '/subscriptions/confirm';
export const UNSUBSCRIBE_PATH = '/subscriptions/unsubscribe';
export const UNSUBSCRIBE_API_PATH = '/api/v1/subscriptions/unsubscribe';

/** Why a confirmation link was refused: `details.reason` of the error, which the confirm page words. */
export type ConfirmRefusal = 'unknown' | 'used' | 'expired';

function refused(reason: ConfirmRefusal): DomainError {
  if (reason === 'unknown') return new DomainError(ErrorCode.NotFound, 'This confirmation link is not valid.', { reason });
  return new DomainError(ErrorCode.InvalidState, reason === 'used'
    ? 'This subscription is already confirmed: each confirmation link works once.'
    : 'This confirmation link has expired: subscribe again to get a new one.', { reason });
}

/**
 * E-mail subscriptions without an account: double opt-in (a single-use,
 * hashed, short-lived token mailed to the address), one-click unsubscribe.
 * Requests answer the same whatever the address's state (no enumeration);
 * the address is never returned, logged or audited (audit rows name the
 * subscription and its topic only).
 */
@Injectable()
export class EmailSubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly limits: RateLimitService,
    private readonly app: AppConfig,
    private readonly config: SubscriptionsConfig,
  ) {}

  async subscribe(dto: SubscribeDto, ip: string): Promise<SubscriptionRequestedView> {
    const topic = await this.topicOf(dto.topic, dto.key);
    await this.limits.consumeSubscribe(dto.email, ip);
    const { token, hash } = newSecretToken();
    const hours = this.config.SUBSCRIPTION_CONFIRM_TTL_HOURS;
    const pending = await this.dataSource.transaction(async (m) => {
      const [subscriber] = await m.query(
        `INSERT INTO email_subscriber (email, language) VALUES ($1, $2)
         ON CONFLICT ((lower(email))) DO UPDATE SET language = EXCLUDED.language RETURNING id`,
        [dto.email, dto.language],
      );
      // A topic already confirmed keeps its state and gets no mail; a pending one gets a fresh token (the old link stops working).
      const [row] = await m.query(
        `INSERT INTO email_subscription (subscriber_id, topic, topic_key, confirm_token_hash, confirm_expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))
         ON CONFLICT (subscriber_id, topic, topic_key) DO UPDATE
           SET confirm_token_hash = EXCLUDED.confirm_token_hash, confirm_expires_at = EXCLUDED.confirm_expires_at
           WHERE email_subscription.confirmed_at IS NULL
         RETURNING id`,
        [subscriber.id, topic.topic, topic.key, hash, hours],
      );
      if (row) {
        await this.audit.record(m, {
          action: 'email_subscription.request', entityType: 'email_subscription', entityId: row.id,
          after: { topic: topic.topic, key: topic.key, language: dto.language },
        });
      }
      return Boolean(row);
    });
    if (pending) {
      const lang = dto.language;
      const link = `${this.mail.publicUrl()}${localePagePath(CONFIRM_PATH, lang)}#token=${encodeURIComponent(token)}`;
      await this.mail.send({
        to: dto.email,
        lang,
        subject: formatMessage(SUBSCRIPTION_MESSAGES, lang, 'confirm.subject'),
        text: formatMessage(SUBSCRIPTION_MESSAGES, lang, 'confirm.body', { topic: topicLabel(topic, lang), hours, link }),
      });
    }
    return { status: 'confirmation_sent' };
  }

  /** Confirms a pending topic; a used, expired or unknown token is refused with its reason and nothing is written. */
  async confirm(token: string): Promise<ConfirmedSubscriptionView> {
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT s.id, s.subscriber_id AS "subscriberId", s.topic, s.topic_key AS key, r.language,
                s.confirmed_at IS NOT NULL AS used, s.confirm_expires_at <= now() AS expired
           FROM email_subscription s JOIN email_subscriber r ON r.id = s.subscriber_id
          WHERE s.confirm_token_hash = $1 FOR UPDATE OF s`,
        [hashSecretToken(token)],
      );
      if (!row) throw refused('unknown');
      if (row.used) throw refused('used');
      if (row.expired) throw refused('expired');
      // The first confirmed topic starts the subscriber's mail at the newest publication: nothing from before.
      await m.query(
        `UPDATE email_subscriber SET last_xmin = pg_snapshot_xmin(pg_current_snapshot())
          WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM email_subscription WHERE subscriber_id = $1 AND confirmed_at IS NOT NULL)`,
        [row.subscriberId],
      );
      await m.query('UPDATE email_subscription SET confirmed_at = now() WHERE id = $1', [row.id]);
      await this.audit.record(m, {
        action: 'email_subscription.confirm', entityType: 'email_subscription', entityId: row.id,
        after: { topic: row.topic, key: row.key, language: row.language },
      });
      return { topic: row.topic, key: row.key, language: row.language };
    });
  }

  /** Ends every subscription of the address the token names; again with the same token is a no-op that answers the same. */
  async unsubscribe(token: string | undefined): Promise<UnsubscribedView> {
    const id = token ? subscriberOfToken(this.app.AUTH_SECRET, token) : null;
    if (!id) throw new DomainError(ErrorCode.NotFound, 'This unsubscribe link is not valid.', { reason: 'unknown' });
    await this.dataSource.transaction(async (m) => {
      const topics: { topic: string; key: string }[] = await m.query(
        `SELECT topic, topic_key AS key FROM email_subscription WHERE subscriber_id = $1 AND confirmed_at IS NOT NULL ORDER BY topic, topic_key`,
        [id],
      );
      const [gone] = await m.query('WITH d AS (DELETE FROM email_subscriber WHERE id = $1 RETURNING id) SELECT id FROM d', [id]);
      if (gone) {
        await this.audit.record(m, { action: 'email_subscriber.unsubscribe', entityType: 'email_subscriber', entityId: id, before: { topics } });
      }
    });
    return { unsubscribed: true };
  }

  /** The one-click link of the mails (a web page) and RFC 8058's header URL (the API, POSTed by the mail client). */
  unsubscribeLinks(subscriberId: string, lang: Locale): { page: string; header: string } {
    const token = encodeURIComponent(unsubscribeToken(this.app.AUTH_SECRET, subscriberId));
    const base = this.mail.publicUrl();
    return { page: `${base}${localePagePath(UNSUBSCRIBE_PATH, lang)}#token=${token}`, header: `${base}${UNSUBSCRIBE_API_PATH}?token=${token}` };
  }

  /** The topic as stored, checked against the framework and the country list (400 on `key` otherwise). */
  private async topicOf(topic: SubscriptionTopic, key: string | undefined): Promise<TopicRef> {
    if (topic === 'digest') {
      if (key) throw DomainError.invalid('key', 'key must be absent for the digest');
      return { topic, key: '' };
    }
    if (!key) throw DomainError.invalid('key', `key is required for a ${topic}`);
    if ((topic === 'country') !== /^[A-Z]{3}$/.test(key)) {
      throw DomainError.invalid('key', topic === 'country' ? 'key must be a country code (e.g. KEN)' : `key must be the ${topic}'s number`);
    }
    const sql = {
      country: `SELECT alpha3 AS key, alpha2 FROM country WHERE alpha3 = $1`,
      objective: `SELECT number::text AS key FROM objective WHERE number = $1::int`,
      theme: `SELECT number::text AS key FROM theme WHERE number = $1::int`,
    }[topic];
    const [row] = await this.dataSource.query(sql, [key]);
    if (!row) throw DomainError.invalid('key', `key is not a known ${topic}`);
    return { topic, key: String(row.key).trim(), alpha2: row.alpha2 };
  }
}
