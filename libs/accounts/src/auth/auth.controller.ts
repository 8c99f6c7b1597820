import { Body, Controller, Get, Header, HttpCode, Patch, Post } from '@nestjs/common';
import { UpdateProfileDto } from '../dto/user.dto';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, Authenticated, ClientIp, Public, RATE_LIMITED_RESPONSES } from '@gcm/platform';
import {
  AcceptInvitationDto, PasswordResetConfirmDto, PasswordResetRequestDto, RefreshDto, SignInDto,
} from '../dto/auth.dto';
import { MessageView, TokenResponse, UserView } from '../accounts.view';
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
  @ApiErrorResponses({ ...RATE_LIMITED_RESPONSES, 401: '`unauthenticated`: wrong e-mail or password, or the account is not active' })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  signIn(@Body() dto: SignInDto, @ClientIp() ip: string): Promise<TokenResponse> {
    return this.auth.signIn(dto, ip);
  }

  /** Rotates the refresh token. Presenting one that was already used ends the whole session (401). */
  @Public()
  @Post('refresh')
  @ApiErrorResponses({ 401: '`unauthenticated`: the refresh token is unknown, expired or was already used (the session then ends)' })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  refresh(@Body() dto: RefreshDto): Promise<TokenResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  /** Ends the session of the access token: it and its refresh token stop working at once. */
  @Authenticated()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@CurrentSessionId() sessionId: string) {
    await this.auth.signOut(sessionId);
  }

  /** The signed-in user. */
  @Authenticated()
  @Get('me')
  @Header('Cache-Control', 'no-store')
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.auth.me(user.id);
  }

  /** Changes your own profile: the language of your e-mail (one of the six; null follows your organisation's). */
  @Authenticated()
  @Patch('me')
  @Header('Cache-Control', 'no-store')
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<UserView> {
    return this.auth.updateProfile(user.id, dto);
  }

  /** Sets the password with the one-time invitation token and signs the new user in. */
  @Public()
  @Post('invitations/accept')
  @ApiErrorResponses({ 401: '`unauthenticated`: the invitation token is unknown, expired or already used' })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  acceptInvitation(@Body() dto: AcceptInvitationDto, @ClientIp() ip: string): Promise<TokenResponse> {
    return this.credentials.acceptInvitation(dto, ip);
  }

  /** Always 202: never tells whether the address has an account. A known one gets a one-time link by e-mail. */
  @Public()
  @Post('password-reset/request')
  @ApiErrorResponses(RATE_LIMITED_RESPONSES)
  @HttpCode(202)
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto, @ClientIp() ip: string): Promise<MessageView> {
    await this.credentials.requestPasswordReset(dto.email, ip);
    return { message: 'If the address belongs to an account, a link to reset its password has been sent' };
  }

  /** Sets a new password with the one-time reset token; every session of the account ends. */
  @Public()
  @Post('password-reset/confirm')
  @ApiErrorResponses({ ...RATE_LIMITED_RESPONSES, 401: '`unauthenticated`: the reset token is unknown, expired or already used' })
  @HttpCode(204)
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto, @ClientIp() ip: string) {
    await this.credentials.confirmPasswordReset(dto, ip);
  }
}
