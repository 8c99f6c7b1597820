import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, createRedis, DomainError, ErrorCode } from '@gcm/platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export type LimitedAction = 'signin' | 'reset';

/** 429 with Retry-After; `justTripped` names the limit this very attempt exceeded first (audited once per window, not per attempt). */
export class RateLimitedError extends DomainError {
  constructor(
    retryAfter: number,
    readonly justTripped: 'account' | 'ip' | null,
  ) {
    super(ErrorCode.RateLimited, 'Too many attempts; try again later', { retryAfterSeconds: retryAfter }, {
      'Retry-After': String(retryAfter),
    });
  }
}

/**
 * Sign-in and password-reset limits per account and per client IP, counted
 * atomically in Redis so they hold across every API process. Each attempt
 * consumes a point before any password is checked; when Redis is unreachable
 * the endpoints refuse (503) rather than run unlimited.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitService.name);
  private redis?: Redis;
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(private readonly config: AppConfig) {}

  /** `account` null: only the IP is counted (e.g. confirming a reset, where the token names the account). */
  async consume(action: LimitedAction, account: string | null, ip: string): Promise<void> {
    const [byAccount, byIp] = await Promise.allSettled([
      account === null ? Promise.resolve() : this.limiter(action, 'account').consume(account.toLowerCase()),
      this.limiter(action, 'ip').consume(ip),
    ]);
    const refused: { scope: 'account' | 'ip'; res: RateLimiterRes }[] = [];
    for (const [scope, result] of [['account', byAccount], ['ip', byIp]] as const) {
      if (result.status === 'fulfilled') continue;
      if (!(result.reason instanceof RateLimiterRes)) {
        this.logger.error({ err: result.reason }, 'rate limiter store unavailable');
        throw new DomainError(ErrorCode.Unavailable, 'This service is temporarily unavailable; try again shortly');
      }
      refused.push({ scope, res: result.reason });
    }
    if (refused.length === 0) return;
    const retryAfter = Math.max(1, ...refused.map((r) => Math.ceil(r.res.msBeforeNext / 1000)));
    const tripped = refused.find((r) => r.res.consumedPoints === this.points(action, r.scope) + 1);
    throw new RateLimitedError(retryAfter, tripped?.scope ?? null);
  }

  /** A successful sign-in gives the IP its point back, so an office behind one address is limited by its failures only. */
  async refund(action: LimitedAction, ip: string): Promise<void> {
    await this.limiter(action, 'ip').reward(ip, 1).catch(() => undefined);
  }

  private points(action: LimitedAction, scope: 'account' | 'ip'): number {
    const c = this.config;
    if (action === 'signin') return scope === 'account' ? c.SIGNIN_LIMIT_PER_ACCOUNT : c.SIGNIN_LIMIT_PER_IP;
    return scope === 'account' ? c.RESET_LIMIT_PER_ACCOUNT : c.RESET_LIMIT_PER_IP;
  }

  private limiter(action: LimitedAction, scope: 'account' | 'ip'): RateLimiterRedis {
    const name = `${action}:${scope}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      this.redis ??= createRedis(this.config.REDIS_URL, 'client');
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.config.REDIS_PREFIX}:rl:${name}`,
        points: this.points(action, scope),
        duration: action === 'signin' ? this.config.SIGNIN_LIMIT_WINDOW_SECONDS : this.config.RESET_LIMIT_WINDOW_SECONDS,
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  async onModuleDestroy(): Promise<void> {
    this.limiters.clear();
    await this.redis?.quit().catch(() => undefined);
    this.redis = undefined;
  }
}
