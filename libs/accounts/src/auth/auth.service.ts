import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError, ErrorCode } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { SignInDto } from '../dto/auth.dto';
import { User } from '../entities';
import { USER_VIEW_SELECT, UserView } from '../users/user.view';
import { AccessTokenService } from './access-token.service';
import { DUMMY_HASH, verifyPassword } from './password';
import { RateLimitedError, RateLimitService, SignInPace } from './rate-limit.service';
import { SessionService } from './session.service';

export type { TokenResponse } from '../accounts.view';
import type { TokenResponse } from '../accounts.view';
import { UpdateProfileDto } from '../dto/user.dto';

const BAD_CREDENTIALS = 'Invalid e-mail or password';

export function unauthenticated(message: string): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, message, undefined, { 'WWW-Authenticate': 'Bearer' });
}

/** Sign-in, refresh and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionService,
    private readonly limits: RateLimitService,
    private readonly audit: AuditService,
  ) {}

  async signIn(dto: SignInDto, ip: string): Promise<TokenResponse> {
    const pace = await this.pace(dto.email, ip);
    // Before the password is checked, right or wrong alike: a quick answer must not tell a guess that worked.
    if (pace.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, pace.delayMs));
    const user = await this.dataSource.getRepository(User).findOne({ where: { email: dto.email } });
    const matches = await verifyPassword(dto.password, user?.passwordHash ?? DUMMY_HASH);
    const reason =
      !user ? 'unknown_account' : !user.passwordHash ? 'not_activated' : !matches ? 'wrong_password' : !user.active ? 'deactivated' : null;
    if (!user || reason) {
      await this.audit.recordStandalone({
        action: 'auth.sign_in_failed', entityType: 'user', entityId: user?.id ?? null,
        after: { email: dto.email, reason }, actorId: user?.id ?? null, actorRole: user?.role ?? null,
      });
      throw unauthenticated(BAD_CREDENTIALS);
    }
    await this.limits.refundSignIn(dto.email, ip);
    return this.dataSource.transaction(async (m) => {
      await m.query('UPDATE app_user SET last_sign_in_at = now() WHERE id = $1', [user.id]);
      const { sessionId, refreshToken } = await this.sessions.open(m, user.id, ip);
      await this.audit.record(m, {
        action: 'auth.sign_in', entityType: 'session', entityId: sessionId, actorId: user.id, actorRole: user.role,
        after: { userId: user.id },
      });
      return this.tokenResponse(m, user.id, sessionId, refreshToken);
    });
  }

  /** The sign-in limits, each audited once per window when this attempt trips it. */
  private async pace(email: string, ip: string): Promise<SignInPace> {
    try {
      const pace = await this.limits.consumeSignIn(email, ip);
      if (pace.slowedNow) {
        await this.audit.recordStandalone({ action: 'auth.sign_in_slowed', entityType: 'user', entityId: null, after: { email } });
      }
      return pace;
    } catch (err) {
      if (err instanceof RateLimitedError && err.justTripped) {
        await this.audit.recordStandalone({
          action: 'auth.sign_in_rate_limited', entityType: 'user', entityId: null, after: { email, limit: err.justTripped },
        });
      }
      throw err;
    }
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const rotated = await this.sessions.rotate(refreshToken);
    if (!rotated.ok) {
      throw unauthenticated(rotated.reason === 'reused' ? 'Refresh token was already used; the session has been ended' : 'Refresh token is invalid or expired');
    }
    return this.tokenResponse(this.dataSource.manager, rotated.userId, rotated.sessionId, rotated.refreshToken);
  }

  /** Ends the session; returns the provider a single sign-on session came through (for its logout), else null. */
  async signOut(sessionId: string): Promise<{ ssoProviderId: string | null }> {
    return this.dataSource.transaction(async (m) => {
      const revoked = await this.sessions.revoke(m, sessionId, 'sign_out');
      if (revoked) await this.audit.record(m, { action: 'auth.sign_out', entityType: 'session', entityId: sessionId });
      return { ssoProviderId: revoked?.ssoProviderId ?? null };
    });
  }

  async me(userId: string): Promise<UserView> {
    return this.userView(this.dataSource.manager, userId);
  }

  /** The signed-in user's own preferences (their e-mail language), audited like every write. */
  async updateProfile(userId: string, dto: UpdateProfileDto): Promise<UserView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.userView(m, userId);
      await m.query('UPDATE app_user SET language = $2, version = version + 1, updated_at = now() WHERE id = $1', [userId, dto.language]);
      const after = await this.userView(m, userId);
      await this.audit.record(m, { action: 'user.profile_update', entityType: 'user', entityId: userId, before, after });
      return after;
    });
  }

  /** Opens a session for a user who just proved who they are (sign-in, accepted invitation). */
  async openSession(m: EntityManager, userId: string, ip: string): Promise<{ sessionId: string; refreshToken: string }> {
    return this.sessions.open(m, userId, ip);
  }

  async tokenResponse(m: EntityManager, userId: string, sessionId: string, refreshToken: string): Promise<TokenResponse> {
    const user = await this.userView(m, userId);
    return {
      tokenType: 'Bearer',
      accessToken: this.tokens.issue(user, sessionId),
      expiresIn: this.tokens.ttlSeconds,
      refreshToken,
      user,
    };
  }

  private async userView(m: EntityManager, userId: string): Promise<UserView> {
    const [row] = await m.query(`${USER_VIEW_SELECT} WHERE u.id = $1`, [userId]);
    if (!row) throw DomainError.notFound('User');
    return row;
  }
}
