import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AccessTokenService } from '@gcm/accounts';
import { AppConfig, createRedis, readCookie } from '@gcm/platform';
import type { Request } from 'express';
import type Redis from 'ioredis';
import { sign, verify } from 'jsonwebtoken';

export const MONITOR_BASE_PATH = '/api/v1/admin/queues';
export const MONITOR_COOKIE = 'gcm_queue_monitor';
const AUDIENCE = 'gcm-tracker-queue-monitor';
const ISSUER = 'gcm-tracker';

export interface MonitorCaller {
  id: string;
  role: string | null;
}

/**
 * Who is looking at the queue monitor. API calls carry the usual bearer
 * token; the browser UI cannot, so the secretariat first exchanges its token
 * for a short-lived HttpOnly cookie scoped to the monitor's path. The cookie
 * is signed for this audience only (it is no API token) and names the
 * sign-in session, which is checked on every request: signing out or being
 * deactivated ends monitor access at once. Each cookie is also a grant kept
 * in Redis (shared by every API process): ending the monitor session deletes
 * the grants, so a copied cookie stops working on the server, not only in the
 * browser that dropped it.
 */
@Injectable()
export class MonitorSession implements OnModuleDestroy {
  private redis?: Redis;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  private get store(): Redis {
    this.redis ??= createRedis(this.config.REDIS_URL, 'client', this.config.REDIS_COMMAND_TIMEOUT_MS);
    return this.redis;
  }

  private grantKey(grantId: string): string {
    return `${this.config.REDIS_PREFIX}:monitor:grant:${grantId}`;
  }

  private sessionKey(sessionId: string): string {
    return `${this.config.REDIS_PREFIX}:monitor:session:${sessionId}`;
  }

  async issue(userId: string, sessionId: string): Promise<string> {
    const grantId = randomUUID();
    await this.store.multi()
      .set(this.grantKey(grantId), `${userId}:${sessionId}`, 'EX', this.ttlSeconds)
      .sadd(this.sessionKey(sessionId), grantId)
      .expire(this.sessionKey(sessionId), this.ttlSeconds)
      .exec();
    return sign({ sid: sessionId, jti: grantId }, this.config.AUTH_SECRET, {
      algorithm: 'HS256', subject: userId, audience: AUDIENCE, issuer: ISSUER, expiresIn: this.ttlSeconds,
    });
  }

  /** Ends every monitor grant of the sign-in session (the cookie in hand and any copy of it); returns how many. */
  async revoke(sessionId: string): Promise<number> {
    const grants = await this.store.smembers(this.sessionKey(sessionId));
    if (grants.length > 0) await this.store.del(...grants.map((g) => this.grantKey(g)));
    await this.store.del(this.sessionKey(sessionId));
    return grants.length;
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
    this.redis = undefined;
  }

  async caller(req: Request): Promise<MonitorCaller | null> {
    const header = req.headers.authorization;
    const bearer = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]{10,4096})$/i.exec(header.trim())?.[1] : undefined;
    if (bearer) return this.tokens.authenticate(bearer);
    const cookie = readCookie(req.headers.cookie, MONITOR_COOKIE);
    if (!cookie) return null;
    try {
      const claims = verify(cookie, this.config.AUTH_SECRET, { algorithms: ['HS256'], audience: AUDIENCE, issuer: ISSUER });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.jti !== 'string') return null;
      if ((await this.store.get(this.grantKey(claims.jti))) !== `${claims.sub}:${claims.sid}`) return null;
      return this.tokens.sessionUser(claims.sub, claims.sid);
    } catch {
      return null;
    }
  }
}
