import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, ClientIp, Public } from '@gcm/platform';
import {
  AcceptInvitationDto, PasswordResetConfirmDto, PasswordResetRequestDto, RefreshDto, SignInDto,
} from '../dto/auth.dto';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { CredentialsService } from './credentials.service';
import { CurrentSessionId, CurrentUser } from './current-user.decorator';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly credentials: CredentialsService,
  ) {}

  /** E-mail and password for a 15-minute access token and a single-use refresh token. Rate-limited per account and IP (429). */
  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  signIn(@Body() dto: SignInDto, @ClientIp() ip: string) {
    return this.auth.signIn(dto, ip);
  }

  /** Rotates the refresh token. Presenting one that was already used ends the whole session (401). */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  /** Ends the session of the access token: it and its refresh token stop working at once. */
  @Authenticated()
  @ApiBearerAuth()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@CurrentSessionId() sessionId: string) {
    await this.auth.signOut(sessionId);
  }

  @Authenticated()
  @ApiBearerAuth()
  @Get('me')
  @Header('Cache-Control', 'no-store')
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user.id);
  }

  /** Sets the password with the one-time invitation token and signs the new user in. */
  @Public()
  @Post('invitations/accept')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  acceptInvitation(@Body() dto: AcceptInvitationDto, @ClientIp() ip: string) {
    return this.credentials.acceptInvitation(dto, ip);
  }

  /** Always 202: never tells whether the address has an account. A known one gets a one-time link by e-mail. */
  @Public()
  @Post('password-reset/request')
  @HttpCode(202)
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto, @ClientIp() ip: string) {
    await this.credentials.requestPasswordReset(dto.email, ip);
    return { message: 'If the address belongs to an account, a link to reset its password has been sent' };
  }

  /** Sets a new password with the one-time reset token; every session of the account ends. */
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto, @ClientIp() ip: string) {
    await this.credentials.confirmPasswordReset(dto, ip);
  }
}
