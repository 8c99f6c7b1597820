import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { RefreshToken, Session } from '../entities';
import { hashSecretToken, newSecretToken } from './secret-token';

export type RotateResult =
  | { ok: true; userId: string; sessionId: string; refreshToken: string }
  | { ok: false; reason: 'unknown' | 'reused' | 'expired' };

/** Sign-in sessions and their rotating refresh tokens. */
@Injectable()
export class SessionService {
  constructor(
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** `ssoProviderId`: the provider a single sign-on came through, for its logout at sign-out. */
  async open(m: EntityManager, userId: string, ip: string | null, ssoProviderId: string | null = null): Promise<{ sessionId: string; refreshToken: string }> {
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const { identifiers } = await m.insert(Session, { userId, expiresAt, ip, ssoProviderId });
    const sessionId = identifiers[0].id as string;
    return { sessionId, refreshToken: await this.issueRefreshToken(m, sessionId) };
  }

  /**
   * Exchanges a refresh token for a new one. Presenting a token that was
   * already rotated means it leaked (or a client replayed it): the whole
   * session is revoked, committed, and the caller gets a failure.
   */
  async rotate(refreshToken: string): Promise<RotateResult> {
    const hash = hashSecretToken(refreshToken);
    return this.dataSource.transaction(async (m) => {
      // An UPDATE through TypeORM's postgres driver answers [rows, rowCount].
      const [[claimed]] = await m.query(
        `UPDATE refresh_token SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING session_id AS "sessionId"`,
        [hash],
      );
      if (!claimed) {
        const [seen] = await m.query('SELECT session_id AS "sessionId" FROM refresh_token WHERE token_hash = $1', [hash]);
        if (!seen) return { ok: false, reason: 'unknown' } as const;
        const revoked = await this.revoke(m, seen.sessionId, 'refresh_reuse');
        if (revoked) {
          await this.audit.record(m, {
            action: 'auth.refresh_reuse', entityType: 'session', entityId: seen.sessionId,
            after: { revokedReason: 'refresh_reuse' }, actorId: revoked.userId,
          });
        }
        return { ok: false, reason: 'reused' } as const;
      }
      const [session] = await m.query(
        `SELECT s.user_id AS "userId" FROM session s JOIN app_user u ON u.id = s.user_id
          WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active FOR UPDATE OF s`,
        [claimed.sessionId],
      );
      if (!session) return { ok: false, reason: 'expired' } as const;
      await m.update(Session, { id: claimed.sessionId }, { lastUsedAt: new Date() });
      const next = await this.issueRefreshToken(m, claimed.sessionId);
      await this.audit.record(m, { action: 'auth.refresh', entityType: 'session', entityId: claimed.sessionId, actorId: session.userId });
      return { ok: true, userId: session.userId as string, sessionId: claimed.sessionId as string, refreshToken: next };
    });
  }

  /** Revokes one session if still live; returns its user, or null when it was already revoked. */
  async revoke(m: EntityManager, sessionId: string, reason: string): Promise<{ userId: string; ssoProviderId: string | null } | null> {
    const [[row]] = await m.query(
      `UPDATE session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL
       RETURNING user_id AS "userId", sso_provider_id AS "ssoProviderId"`,
      [sessionId, reason],
    );
    return row ?? null;
  }

  /** Ends every live session of a user (deactivation, password reset); returns how many. */
  async revokeAllForUser(m: EntityManager, userId: string, reason: string): Promise<number> {
    const [, count] = await m.query(
      'UPDATE session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL',
      [userId, reason],
    );
    return Number(count ?? 0);
  }

  private async issueRefreshToken(m: EntityManager, sessionId: string): Promise<string> {
    const { token, hash } = newSecretToken();
    await m.insert(RefreshToken, { sessionId, tokenHash: hash });
    return token;
  }
}
