import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService, deleteInBatches, IdempotencyService } from '@gcm/platform';
import { DataSource } from 'typeorm';

export interface PruneCounts {
  sessions: number;
  refreshTokens: number;
  userTokens: number;
  /** Reminder e-mail links ("no change" / "update") used or expired. */
  reminderLinks: number;
  idempotencyKeys: number;
  /** Single sign-on attempts (state, nonce, PKCE verifier) used or expired. */
  ssoAttempts: number;
  /** E-mail subscriptions never confirmed before their link expired, and addresses left with none. */
  unconfirmedSubscriptions: number;
  subscribers: number;
}


/**
 * Retention of the short-lived secrets the platform keeps: sessions that ended
 * (expired or revoked) and their refresh tokens, invitation and reset tokens
 * and reminder e-mail links that were used or expired, and Idempotency-Keys, each deleted once past its
 * retention setting, and so are single sign-on attempts and e-mail subscriptions never confirmed
 * (with their address, once it has no subscription left). One audit row per run that deleted anything, with the counts
 * (the rows themselves are not worth an audit row each, and their ids say nothing).
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async prune(): Promise<PruneCounts> {
    const sessionDays = this.config.SESSION_RETENTION_DAYS;
    const tokenDays = this.config.TOKEN_RETENTION_DAYS;
    const refreshTokens = await this.inBatches(
      `DELETE FROM refresh_token WHERE id IN (
         SELECT r.id FROM refresh_token r JOIN session s ON s.id = r.session_id
          WHERE least(s.expires_at, coalesce(s.revoked_at, 'infinity')) < now() - make_interval(days => $1) LIMIT $2)
       RETURNING 1`,
      sessionDays,
    );
    const sessions = await this.inBatches(
      `DELETE FROM session WHERE id IN (
         SELECT id FROM session WHERE least(expires_at, coalesce(revoked_at, 'infinity')) < now() - make_interval(days => $1) LIMIT $2)
       RETURNING 1`,
      sessionDays,
    );
    const userTokens = await this.usedOrExpired('user_token', tokenDays);
    const reminderLinks = await this.usedOrExpired('reminder_link', tokenDays);
    const ssoAttempts = await this.usedOrExpired('sso_attempt', tokenDays);
    // Owned by libs/subscriptions (which depends on accounts, so the SQL is here, as for reminder_link).
    const unconfirmedSubscriptions = await this.inBatches(
      `DELETE FROM email_subscription WHERE id IN (
         SELECT id FROM email_subscription WHERE confirmed_at IS NULL AND confirm_expires_at < now() - make_interval(days => $1) LIMIT $2)
       RETURNING 1`,
      tokenDays,
    );
    const subscribers = await this.inBatches(
      `DELETE FROM email_subscriber WHERE id IN (
         SELECT r.id FROM email_subscriber r WHERE r.created_at < now() - make_interval(days => $1)
            AND NOT EXISTS (SELECT 1 FROM email_subscription s WHERE s.subscriber_id = r.id) LIMIT $2)
       RETURNING 1`,
      tokenDays,
    );
    const idempotencyKeys = await this.idempotency.prune(this.config.IDEMPOTENCY_RETENTION_HOURS);
    const counts = { sessions, refreshTokens, userTokens, reminderLinks, idempotencyKeys, ssoAttempts, unconfirmedSubscriptions, subscribers };
    if (Object.values(counts).some((n) => n > 0)) {
      await this.audit.recordStandalone({
        action: 'retention.prune',
        entityType: 'retention',
        actorId: null,
        actorRole: 'system',
        after: {
          deleted: counts,
          retention: { sessionDays, tokenDays, idempotencyHours: this.config.IDEMPOTENCY_RETENTION_HOURS },
        },
      });
    }
    return counts;
  }

  /** One-time secrets (tokens, links, SSO attempts) used or expired more than `days` ago. */
  private usedOrExpired(table: 'user_token' | 'reminder_link' | 'sso_attempt', days: number): Promise<number> {
    return this.inBatches(
      `DELETE FROM ${table} WHERE id IN (
         SELECT id FROM ${table} WHERE least(expires_at, coalesce(used_at, 'infinity')) < now() - make_interval(days => $1) LIMIT $2)
       RETURNING 1`,
      days,
    );
  }

  private inBatches(sql: string, days: number): Promise<number> {
    return deleteInBatches(this.dataSource, sql, [days]);
  }
}
