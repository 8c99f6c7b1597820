import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService, DomainError, ErrorCode, formatMessage, MailService } from '@gcm/platform';
import { MAIL_MESSAGES } from '../i18n/mail-messages';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { INVITATION_PATH, tokenLink } from '../auth/links';
import { UserTokenService } from '../auth/user-token.service';
import { InviteUserDto } from '../dto/user.dto';
import { User } from '../entities';
import { UserView } from './user.view';
import { UsersService } from './users.service';

export type { InvitationView } from '../accounts.view';
import type { InvitationView } from '../accounts.view';

/** The secretariat invites by e-mail; the invitee sets a password with a one-time, expiring token. */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly users: UsersService,
    private readonly userTokens: UserTokenService,
  ) {}

  /**
   * Creates the user (status `invited`) or, for someone invited before who has
   * not accepted yet, updates them and issues a fresh link (the old one dies).
   */
  async invite(dto: InviteUserDto, inviter: AuthUser): Promise<InvitationView> {
    const { user, token, expiresAt } = await this.dataSource.transaction(async (m) => {
      await this.users.assertOrganisationFits(m, dto.role, dto.organisationId ?? null);
      const existing = await m.findOne(User, { where: { email: dto.email }, lock: { mode: 'pessimistic_write' } });
      if (existing?.passwordHash) {
        throw new DomainError(ErrorCode.Conflict, 'A user with this e-mail address already exists', [
          { field: 'email', messages: ['a user with this e-mail address already exists'] },
        ]);
      }
      const fields = { name: dto.name, role: dto.role, organisationId: dto.organisationId ?? null, active: true, ...(dto.language ? { language: dto.language } : {}) };
      const before = existing ? await this.users.view(m, existing.id) : null;
      let userId = existing?.id;
      if (userId) await m.update(User, { id: userId }, fields);
      else userId = (await m.insert(User, { ...fields, email: dto.email, passwordHash: null, version: 1 })).identifiers[0].id as string;
      const issued = await this.userTokens.issue(m, userId, 'invitation', this.config.INVITATION_TTL_HOURS * 3_600_000, inviter.id);
      const after = await this.users.view(m, userId);
      await this.audit.record(m, {
        action: 'user.invite', entityType: 'user', entityId: userId, before, after: { ...after, invitationExpiresAt: issued.expiresAt },
      });
      return { user: after, token: issued.token, expiresAt: issued.expiresAt };
    });
    const inviteUrl = tokenLink(this.mail.publicUrl(), INVITATION_PATH, token);
    const mailSent = await this.sendMail(user, inviteUrl, expiresAt);
    return { user, expiresAt, inviteUrl, mailSent, ...(this.config.NODE_ENV === 'test' ? { token } : {}) };
  }

  private async sendMail(user: UserView, link: string, expiresAt: Date): Promise<boolean> {
    const lang = user.mailLanguage;
    try {
      return await this.mail.send({
        to: user.email,
        lang,
        subject: formatMessage(MAIL_MESSAGES, lang, 'invite.subject'),
        text: formatMessage(MAIL_MESSAGES, lang, 'invite.body', {
          name: user.name,
          role: formatMessage(MAIL_MESSAGES, lang, user.role ? `role.${user.role}` : 'role.none'),
          organisation: user.organisation?.name ?? 'none',
          expires: expiresAt.toISOString().slice(0, 16).replace('T', ' '),
          link,
        }),
      });
    } catch (err) {
      this.logger.error({ err }, 'invitation mail failed');
      return false;
    }
  }
}
