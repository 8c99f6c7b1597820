import { Body, Controller, Get, Header, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '@gcm/platform';
import { RefreshDto, SignInDto } from '../dto/auth.dto';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { CurrentSessionId, CurrentUser } from './current-user.decorator';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** E-mail and password for a 15-minute access token and a single-use refresh token. Rate-limited per account and IP (429). */
  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  signIn(@Body() dto: SignInDto, @Ip() ip: string) {
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
}
