import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { isIPv4 } from 'node:net';

/**
 * The client's address as the limits and the audit log see it: Express's
 * `req.ip`, which follows X-Forwarded-For only through the proxies TRUST_PROXY
 * names (see configureHttpApp). An IPv4 peer on a dual-stack socket arrives as
 * "::ffff:a.b.c.d"; it is the same client as "a.b.c.d", so it is counted and
 * recorded as that.
 */
export function clientIp(req: Pick<Request, 'ip' | 'socket'>): string | null {
  const ip = req.ip ?? req.socket?.remoteAddress;
  if (!ip) return null;
  const mapped = ip.toLowerCase().startsWith('::ffff:') ? ip.slice(7) : undefined;
  return mapped !== undefined && isIPv4(mapped) ? mapped : ip;
}

/** Route parameter: `clientIp` of the request ("unknown" when the socket is already gone). */
export const ClientIp = createParamDecorator((_data: unknown, ctx: ExecutionContext): string =>
  clientIp(ctx.switchToHttp().getRequest<Request>()) ?? 'unknown',
);
