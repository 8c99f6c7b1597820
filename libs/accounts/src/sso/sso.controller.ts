import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, Authenticated, ClientIp, ParamUuidPipe, Public, readCookie, Roles } from '@gcm/platform';
import type { Request, Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { CurrentSessionId } from '../auth/current-user.decorator';
import { CreateSsoProviderDto, SsoCallbackQueryDto, UpdateSsoProviderDto } from './sso.dto';
import { SsoProvidersService } from './sso-providers.service';
import { SsoCallbackParams, SsoService } from './sso.service';
import { SsoProviderOption, SsoProviderView, SsoSignOutView } from './sso.view';

const STATE_COOKIE = 'gcm_sso_state';
const COOKIE_PATH = '/api/v1/auth/sso';
const CALLBACK_PARAMS = ['code', 'state', 'iss', 'error', 'error_description'] as const;

/** A bare 302 (express's res.redirect adds a text body no client reads). */
function found(res: Response, location: string): void {
  res.status(302).setHeader('Location', location);
  res.end();
}

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}


/** Sign-in through an OpenID Connect provider. The browser is sent there and back; every answer is a redirect, never an error page. */
@ApiTags('auth')
@Controller('api/v1/auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly providers: SsoProvidersService,
    private readonly auth: AuthService,
  ) {}

  /** The providers one may sign in through (enabled ones), for the sign-in page's buttons. */
  @Public()
  @Get('providers')
  options(): Promise<SsoProviderOption[]> {
    return this.providers.options();
  }

  /**
   * Sends the browser to the provider (authorization code with PKCE, state and nonce); the state is also set in
   * an HttpOnly cookie that the callback must present. An unknown or disabled provider lands on the sign-in page with the reason;
   * an id that is not a UUID is a 400. Starts are limited per client address (SSO_START_LIMIT_PER_IP per
   * SIGNIN_LIMIT_WINDOW_SECONDS): past it, to `/sign-in?sso_error=rate_limited`.
   */
  @Public()
  @Get(':providerId/start')
  @ApiFoundResponse({ description: "To the provider's authorization page, or to `/sign-in?sso_error=<reason>`" })
  async start(
    @Param('providerId', new ParamUuidPipe()) providerId: string, @Req() req: Request, @Res() res: Response, @ClientIp() ip: string,
  ): Promise<void> {
    const { location, state } = await this.sso.start(providerId, origin(req), ip);
    res.setHeader('Cache-Control', 'no-store');
    if (state) {
      res.cookie(STATE_COOKIE, state, {
        httpOnly: true, sameSite: 'lax', secure: req.secure, path: COOKIE_PATH, maxAge: this.sso.attemptTtlSeconds * 1000,
      });
    }
    found(res, location);
  }

  /**
   * Where the provider sends the browser back. Signed in: to `/sso-complete#refreshToken=…` (the web front end
   * exchanges it at /auth/refresh). Refused (missing, mismatched, unknown, expired or replayed state; the
   * provider's error; a wrong nonce or audience; an expired ID token; an unverified e-mail or one outside the
   * provider's domains; no account): to `/sign-in?sso_error=<reason>`, nothing created, audited.
   */
  @Public()
  @Get('callback')
  @ApiFoundResponse({ description: 'To `/sso-complete#refreshToken=…` when signed in, else to `/sign-in?sso_error=<reason>`' })
  async callback(@Query() query: SsoCallbackQueryDto, @Req() req: Request, @Res() res: Response, @ClientIp() ip: string): Promise<void> {
    const params: SsoCallbackParams = {};
    for (const key of CALLBACK_PARAMS) if (query[key] !== undefined) params[key] = query[key];
    const location = await this.sso.callback(params, readCookie(req.headers.cookie, STATE_COOKIE) ?? undefined, ip);
    res.clearCookie(STATE_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: req.secure });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    found(res, location);
  }

  /** Ends the platform session like /auth/sign-out, and tells where to end the provider's (RP-initiated logout) when the session came through one. */
  @Authenticated()
  @Post('sign-out')
  @HttpCode(200)
  async signOut(@CurrentSessionId() sessionId: string, @Req() req: Request): Promise<SsoSignOutView> {
    const { ssoProviderId } = await this.auth.signOut(sessionId);
    return { logoutUrl: await this.sso.logoutUrl(ssoProviderId, origin(req)) };
  }
}

/** The secretariat's list of OpenID Connect providers. Client secrets go in and never come out. */
@ApiTags('sso-providers')
@Controller('api/v1/sso-providers')
export class SsoProvidersController {
  constructor(private readonly providers: SsoProvidersService) {}

  /** Every configured provider (the client secret is never included). */
  @Roles('secretariat')
  @Get()
  list(): Promise<SsoProviderView[]> {
    return this.providers.list();
  }

  /** One provider (the client secret is never included). */
  @Roles('secretariat')
  @Get(':id')
  get(@Param('id', new ParamUuidPipe()) id: string): Promise<SsoProviderView> {
    return this.providers.get(id);
  }

  /** Adds a provider; its client secret is stored encrypted. */
  @Roles('secretariat')
  @Post()
  create(@Body() dto: CreateSsoProviderDto): Promise<SsoProviderView> {
    return this.providers.create(dto);
  }

  /** Edits a provider; a new `clientSecret` replaces the stored one; a stale `version` gets 409. */
  @Roles('secretariat')
  @Patch(':id')
  @ApiErrorResponses({ 409: '`version_conflict`: the provider changed since you read it' })
  update(@Param('id', new ParamUuidPipe()) id: string, @Body() dto: UpdateSsoProviderDto): Promise<SsoProviderView> {
    return this.providers.update(id, dto);
  }
}
