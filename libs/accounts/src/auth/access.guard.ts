import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule, AuditService, DomainError, ErrorCode, setActor } from '@gcm/platform';
import type { Request, Response } from 'express';
import { AccessTokenService } from './access-token.service';
import type { AuthenticatedRequestUser } from './auth-user';

export type RequestWithUser = Request & { user?: AuthenticatedRequestUser };

/**
 * Enforces the access rule every route declares (public, optional, roles,
 * authenticated). A route that declares nothing is refused, so forgetting a
 * decorator fails closed. Refusals are audited; the actor is put in the
 * request context so audit rows of the request carry it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<RequestWithUser>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) return this.deny(req, ErrorCode.Forbidden, 'route_declares_no_access');
    if (rule.kind === 'public') return true;

    const token = bearerToken(req);
    const user = token ? await this.tokens.authenticate(token) : null;
    if (user) {
      req.user = user;
      setActor({ actorId: user.id, actorRole: user.role, organisationId: user.organisationId });
      // What a signed-in caller gets may include private data: never for a shared cache.
      context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'private, no-store');
    }
    if (rule.kind === 'optional') context.switchToHttp().getResponse<Response>().setHeader('Vary', 'Authorization');
    if (rule.kind === 'optional') return true;
    if (!user) return this.deny(req, ErrorCode.Unauthenticated, token ? 'invalid_token' : 'no_token');
    if (rule.kind === 'roles' && (user.role === null || !rule.roles.includes(user.role))) return this.deny(req, ErrorCode.Forbidden, 'role', user);
    return true;
  }

  private async deny(req: Request, code: ErrorCode, reason: string, user?: AuthenticatedRequestUser): Promise<never> {
    const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`.slice(0, 128);
    await this.audit
      .recordStandalone({
        action: 'access.denied', entityType: 'route', entityId: route,
        after: { reason, status: code === ErrorCode.Unauthenticated ? 401 : 403, path: req.originalUrl.slice(0, 500) },
        actorId: user?.id ?? null, actorRole: user?.role ?? null,
      })
      .catch((err: unknown) => this.logger.error({ err }, 'could not audit a denied request'));
    if (code === ErrorCode.Unauthenticated) {
      throw new DomainError(code, 'Sign in to use this endpoint', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
    throw new DomainError(code, 'You are not allowed to use this endpoint');
  }
}

function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{10,4096})$/i.exec(header.trim());
  return match ? match[1] : null;
}
