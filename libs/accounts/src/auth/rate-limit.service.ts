import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, createRedis, DomainError, ErrorCode, unavailable } from '@gcm/platform';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** What a limit counts: sign-in failures per account and address, per address, per account from anywhere; resets. */
type Counter = 'signin:pair' | 'signin:ip' | 'signin:account' | 'reset:account' | 'reset:ip' | 'sso:ip' | 'subscribe:address' | 'subscribe:ip';
type HardScope = 'account_ip' | 'ip' | 'account';

/** 429 with Retry-After; `justTripped` names the limit this very attempt exceeded first (audited once per window, not per attempt). */
export class RateLimitedError extends DomainError {
  constructor(
    retryAfter: number,
    readonly justTripped: HardScope | null,
  ) {
    super(ErrorCode.RateLimited, 'Too many attempts; try again later', { retryAfterSeconds: retryAfter }, {
      'Retry-After': String(retryAfter),
    });
  }
}

/** How long a sign-in attempt waits before its password is checked, and whether this attempt started the slow-down. */
export interface SignInPace {
  delayMs: number;
  slowedNow: boolean;
}

/** The first delay once an account is slowed down; it doubles with each further attempt, up to SIGNIN_SLOWDOWN_MAX_MS. */
const FIRST_DELAY_MS = 250;

/**
 * Sign-in and password-reset limits, counted atomically in Redis so they hold
 * across every API process; when Redis is unreachable the endpoints refuse
 * (503) rather than run unlimited.
 *
 * Sign-in follows OWASP's advice that a stranger must not be able to lock the
 * owner out: the hard limits (429) count per account *and* client address,
 * and per address across accounts. Attempts on one account from everywhere
 * only slow that account down — each waits before its password is checked,
 * twice as long as the one before — so guessing from many addresses gets
 * slow while the owner, with the right password, still gets in.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitService.name);
  private redis?: Redis;
  private readonly limiters = new Map<Counter, RateLimiterRedis>();

  constructor(private readonly config: AppConfig) {}

  /** Counts a sign-in attempt before any password is checked: 429 past a hard limit, else how long it must wait. */
  async consumeSignIn(account: string, ip: string): Promise<SignInPace> {
    const key = account.toLowerCase();
    await this.consumeAll([['signin:pair', `${key}|${ip}`, 'account_ip'], ['signin:ip', ip, 'ip']]);
    const res = await this.limiter('signin:account').consume(key).catch((err: unknown) => this.unavailable(err));
    const over = res.consumedPoints - this.config.SIGNIN_SLOWDOWN_PER_ACCOUNT;
    if (over <= 0) return { delayMs: 0, slowedNow: false };
    const delayMs = Math.min(this.config.SIGNIN_SLOWDOWN_MAX_MS, FIRST_DELAY_MS * 2 ** Math.min(over - 1, 30));
    return { delayMs, slowedNow: over === 1 };
  }

  /** A successful sign-in gives its points back, so an office behind one address is limited by its failures only. */
  async refundSignIn(account: string, ip: string): Promise<void> {
    const key = account.toLowerCase();
    await Promise.all([
      this.limiter('signin:pair').reward(`${key}|${ip}`, 1),
      this.limiter('signin:ip').reward(ip, 1),
      this.limiter('signin:account').reward(key, 1),
    ]).catch(() => undefined);
  }

  /** Password-reset requests (`account` null: only the address counts, e.g. confirming, where the token names the account). */
  async consumeReset(account: string | null, ip: string): Promise<void> {
    await this.consumeAll([
      ...(account === null ? [] : [['reset:account', account.toLowerCase(), 'account'] as const]),
      ['reset:ip', ip, 'ip'],
    ]);
  }

  /** Starting an SSO sign-in (a stored state row and a redirect each), per client address. */
  async consumeSsoStart(ip: string): Promise<void> {
    await this.consumeAll([['sso:ip', ip, 'ip']]);
  }

  /**
   * An e-mail subscription request (each sends a confirmation mail), per address and per client
   * address. The address is counted under its SHA-256, so Redis never holds it in clear.
   */
  async consumeSubscribe(address: string, ip: string): Promise<void> {
    const hashed = createHash('sha256').update(address.toLowerCase(), 'utf8').digest('hex');
    await this.consumeAll([['subscribe:address', hashed, 'account'], ['subscribe:ip', ip, 'ip']]);
  }

  private async consumeAll(counters: readonly (readonly [Counter, string, HardScope])[]): Promise<void> {
    const results = await Promise.allSettled(counters.map(([counter, key]) => this.limiter(counter).consume(key)));
    const refused: { scope: HardScope; counter: Counter; res: RateLimiterRes }[] = [];
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      if (!(result.reason instanceof RateLimiterRes)) this.unavailable(result.reason);
      refused.push({ scope: counters[i][2], counter: counters[i][0], res: result.reason });
    });
    if (refused.length === 0) return;
    const retryAfter = Math.max(1, ...refused.map((r) => Math.ceil(r.res.msBeforeNext / 1000)));
    const tripped = refused.find((r) => r.res.consumedPoints === this.points(r.counter) + 1);
    throw new RateLimitedError(retryAfter, tripped?.scope ?? null);
  }

  private unavailable(err: unknown): never {
    this.logger.error({ err }, 'rate limiter store unavailable');
    throw unavailable('queue');
  }

  private points(counter: Counter): number {
    const c = this.config;
    switch (counter) {
      case 'signin:pair': return c.SIGNIN_LIMIT_PER_ACCOUNT_IP;
      case 'signin:ip': return c.SIGNIN_LIMIT_PER_IP;
      // Only counted, never refused: the slow-down reads the count.
      case 'signin:account': return Number.MAX_SAFE_INTEGER;
      case 'reset:account': return c.RESET_LIMIT_PER_ACCOUNT;
      case 'reset:ip': return c.RESET_LIMIT_PER_IP;
      case 'sso:ip': return c.SSO_START_LIMIT_PER_IP;
      case 'subscribe:address': return c.SUBSCRIBE_LIMIT_PER_ADDRESS;
      case 'subscribe:ip': return c.SUBSCRIBE_LIMIT_PER_IP;
    }
  }

  private window(counter: Counter): number {
    if (counter.startsWith('signin') || counter.startsWith('sso')) return this.config.SIGNIN_LIMIT_WINDOW_SECONDS;
    if (counter.startsWith('subscribe')) return this.config.SUBSCRIBE_LIMIT_WINDOW_SECONDS;
    return this.config.RESET_LIMIT_WINDOW_SECONDS;
  }

  private limiter(counter: Counter): RateLimiterRedis {
    let limiter = this.limiters.get(counter);
    if (!limiter) {
      this.redis ??= createRedis(this.config.REDIS_URL, 'client', this.config.REDIS_COMMAND_TIMEOUT_MS);
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.config.REDIS_PREFIX}:rl:${counter}`,
        points: this.points(counter),
        duration: this.window(counter),
      });
      this.limiters.set(counter, limiter);
    }
    return limiter;
  }

  async onModuleDestroy(): Promise<void> {
    this.limiters.clear();
    await this.redis?.quit().catch(() => undefined);
    this.redis = undefined;
  }
}
