import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { clientIp } from '../http/client-ip';
import { runWithContext } from './request-context';

const VALID_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The caller's correlation id when well-formed, otherwise a new one; recorded on the request for the access log. */
export function correlationIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-correlation-id'];
  const correlationId = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
  req.headers['x-correlation-id'] = correlationId;
  return correlationId;
}

/** Accepts a caller's correlation id when well-formed, otherwise mints one; echoes it back. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const correlationId = correlationIdOf(req);
  res.setHeader('X-Correlation-Id', correlationId);
  runWithContext({ correlationId, ip: clientIp(req) ?? undefined }, () => next());
}
