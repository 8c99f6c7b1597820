import { Injectable } from '@nestjs/common';
import { AccessTokenService } from '@gcm/accounts';
import { AppConfig } from '@gcm/platform';
import type { Request } from 'express';
import { sign, verify } from 'jsonwebtoken';

export const MONITOR_BASE_PATH = '/api/v1/admin/queues';
export const MONITOR_COOKIE = 'gcm_queue_monitor';
const AUDIENCE = 'gcm-tracker-queue-monitor';
const ISSUER = 'gcm-tracker';

export interface MonitorCaller {
  id: string;
  role: string;
}

/**
 * Who is looking at the queue monitor. API calls carry the usual bearer
 * token; the browser UI cannot, so the secretariat first exchanges its token
 * for a short-lived HttpOnly cookie scoped to the monitor's path. The cookie
 * is signed for this audience only (it is no API token) and names the
 * sign-in session, which is checked on every request: signing out or being
 * deactivated ends monitor access at once.
 */
@Injectable()
export class MonitorSession {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  issue(userId: string, sessionId: string): string {
    return sign({ sid: sessionId }, this.config.AUTH_SECRET, {
      algorithm: 'HS256', subject: userId, audience: AUDIENCE, issuer: ISSUER, expiresIn: this.ttlSeconds,
    });
  }

  async caller(req: Request): Promise<MonitorCaller | null> {
    const header = req.headers.authorization;
    const bearer = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]{10,4096})$/i.exec(header.trim())?.[1] : undefined;
    if (bearer) return this.tokens.authenticate(bearer);
    const cookie = readCookie(req.headers.cookie, MONITOR_COOKIE);
    if (!cookie) return null;
    try {
      const claims = verify(cookie, this.config.AUTH_SECRET, { algorithms: ['HS256'], audience: AUDIENCE, issuer: ISSUER });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
      return this.tokens.sessionUser(claims.sub, claims.sid);
    } catch {
      return null;
    }
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}
