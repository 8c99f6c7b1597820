import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService, formatMessage, Locale, MailService } from '@gcm/platform';
import { MAIL_MESSAGES } from '../i18n/mail-messages';
import { MAIL_LANGUAGE_SQL } from '../users/user.view';
import { DataSource } from 'typeorm';
import { AcceptInvitationDto, PasswordResetConfirmDto } from '../dto/auth.dto';
import { User } from '../entities';
import { UsersService } from '../users/users.service';
import { AuthService, TokenResponse, unauthenticated } from './auth.service';
import { PASSWORD_RESET_PATH, tokenLink } from './links';
import { hashPassword } from './password';
import { assertStrongPassword } from './password-policy';
import { RateLimitService } from './rate-limit.service';
import { SessionService } from './session.service';
import { UserTokenService } from './user-token.service';

/** Setting a password with a one-time token: accepting an invitation, or resetting a forgotten password. */
@Injectable()
export class CredentialsService {
  private readonly logger = new Logger(CredentialsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly userTokens: UserTokenService,
    private readonly sessions: SessionService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly limits: RateLimitService,
  ) {}

  /** Sets the invited user's password and signs them in. */
  async acceptInvitation(dto: AcceptInvitationDto, ip: string): Promise<TokenResponse> {
    const live = await this.userTokens.peek(dto.token, 'invitation');
    if (!live) throw unauthenticated('The invitation is invalid, expired or already used');
    const owner = await this.owner(live.userId);
    assertStrongPassword(dto.password, { email: owner.email, name: `${owner.name} ${dto.name ?? ''}` });
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (m) => {
      if (!(await this.userTokens.claim(m, live.id))) throw unauthenticated('The invitation is invalid, expired or already used');
      const before = await this.users.view(m, live.userId);
      await m.update(User, { id: live.userId }, { passwordHash, passwordChangedAt: new Date(), ...(dto.name ? { name: dto.name } : {}) });
      const after = await this.users.view(m, live.userId);
      await this.audit.record(m, {
        action: 'user.invitation_accepted', entityType: 'user', entityId: live.userId, before, after, actorId: live.userId, actorRole: after.role,
      });
      const { sessionId, refreshToken } = await this.sessions.open(m, live.userId, ip);
      return this.auth.tokenResponse(m, live.userId, sessionId, refreshToken);
    });
  }

  /**
   * Always ends in 202 whether or not the address is known. A known, active
   * account gets a one-time link by e-mail; the mail goes out after the
   * response so the timing does not tell the two cases apart either.
   */
  async requestPasswordReset(email: string, ip: string): Promise<void> {
    await this.limits.consumeReset(email, ip);
    const [user] = await this.dataSource.query(
      `SELECT u.id, u.name, u.role, ${MAIL_LANGUAGE_SQL} AS "mailLanguage" FROM app_user u LEFT JOIN organisation o ON o.id = u.organisation_id
        WHERE u.email = $1 AND u.active AND u.password_hash IS NOT NULL`, [email],
    );
    if (!user) return;
    const issued = await this.dataSource.transaction(async (m) => {
      const ttl = this.config.PASSWORD_RESET_TTL_MINUTES * 60_000;
      const token = await this.userTokens.issue(m, user.id, 'password_reset', ttl, null);
      await this.audit.record(m, {
        action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id,
        after: { expiresAt: token.expiresAt, mailed: this.mail.enabled }, actorId: null, actorRole: null,
      });
      return token;
    });
    if (!this.mail.enabled) {
      this.logger.warn('password reset requested but SMTP_URL is not set: no mail sent');
      return;
    }
    const link = tokenLink(this.mail.publicUrl(), PASSWORD_RESET_PATH, issued.token);
    void this.mail
      .send({
        to: email,
        lang: user.mailLanguage as Locale,
        subject: formatMessage(MAIL_MESSAGES, user.mailLanguage as Locale, 'reset.subject'),
        text: formatMessage(MAIL_MESSAGES, user.mailLanguage as Locale, 'reset.body', {
          name: user.name, minutes: this.config.PASSWORD_RESET_TTL_MINUTES, link,
        }),
      })
      .catch((err: unknown) => this.logger.error({ err }, 'password reset mail failed'));
  }

  /** Sets the new password and ends every session of the account (whoever knew the old one is out). */
  async confirmPasswordReset(dto: PasswordResetConfirmDto, ip: string): Promise<void> {
    await this.limits.consumeReset(null, ip);
    const live = await this.userTokens.peek(dto.token, 'password_reset');
    if (!live) throw unauthenticated('The reset link is invalid, expired or already used');
    assertStrongPassword(dto.password, await this.owner(live.userId));
    const passwordHash = await hashPassword(dto.password);
    await this.dataSource.transaction(async (m) => {
      if (!(await this.userTokens.claim(m, live.id))) throw unauthenticated('The reset link is invalid, expired or already used');
      await m.update(User, { id: live.userId }, { passwordHash, passwordChangedAt: new Date() });
      const revoked = await this.sessions.revokeAllForUser(m, live.userId, 'password_reset');
      await this.audit.record(m, {
        action: 'auth.password_reset', entityType: 'user', entityId: live.userId, after: { sessionsRevoked: revoked }, actorId: live.userId,
      });
    });
  }

  private async owner(userId: string): Promise<{ email: string; name: string }> {
    const [row] = await this.dataSource.query('SELECT email, name FROM app_user WHERE id = $1', [userId]);
    return row ?? { email: '', name: '' };
  }
}
