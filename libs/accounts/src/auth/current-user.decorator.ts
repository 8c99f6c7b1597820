import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user';
import type { RequestWithUser } from './access.guard';

/** The signed-in caller established by AccessGuard, or undefined on a public/optional route called anonymously. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) return undefined;
  return { id: user.id, email: user.email, role: user.role, organisationId: user.organisationId };
});

/** Internal to accounts: the session of the caller's access token (sign-out revokes it). */
export const CurrentSessionId = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined => ctx.switchToHttp().getRequest<RequestWithUser>().user?.sessionId,
);
