import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, ROLES, Role } from '@gcm/platform';
import { sign, verify } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequestUser } from './auth-user';

const ISSUER = 'gcm-tracker';
const AUDIENCE = 'gcm-tracker-api';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Claims {
  sub: string;
  sid: string;
  role: Role | null;
  org: string | null;
}

/**
 * Short-lived HS256 JWTs. Verifying the signature is not enough: every request
 * also checks, with one primary-key join, that the user is active and the
 * session not revoked, so deactivation and sign-out take effect at once.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  issue(user: { id: string; role: Role | null; organisationId: string | null }, sessionId: string): string {
    const claims: Omit<Claims, 'sub'> = { sid: sessionId, role: user.role, org: user.organisationId };
    return sign(claims, this.config.AUTH_SECRET, {
      algorithm: 'HS256', subject: user.id, issuer: ISSUER, audience: AUDIENCE, expiresIn: this.ttlSeconds,
    });
  }

  /** The caller, or null for a token that is malformed, expired, forged, revoked or whose user was deactivated. */
  async authenticate(token: string): Promise<AuthenticatedRequestUser | null> {
    const claims = this.verifySignature(token);
    if (!claims) return null;
    return this.sessionUser(claims.sub, claims.sid);
  }

  /** The user of a live session (not revoked, not expired, user active), or null. */
  async sessionUser(userId: string, sessionId: string): Promise<AuthenticatedRequestUser | null> {
    if (!UUID.test(userId) || !UUID.test(sessionId)) return null;
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.organisation_id AS "organisationId"
         FROM session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    return row ? { ...row, sessionId } : null;
  }

  private verifySignature(token: string): Claims | null {
    try {
      const payload = verify(token, this.config.AUTH_SECRET, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof payload !== 'object') return null;
      const { sub, sid, role } = payload as Partial<Claims>;
      if (!sub || !sid || !UUID.test(sub) || !UUID.test(sid) || (role !== null && !ROLES.includes(role as Role))) return null;
      return payload as Claims;
    } catch {
      return null;
    }
  }
}
