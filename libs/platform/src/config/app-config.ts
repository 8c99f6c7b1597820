import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy } from 'class-validator';
import { ConfigError, readEnvConfig, validateFeatureConfigs } from './env-config';
import { parseTrustProxy, TRUST_PROXY_RULE } from './trust-proxy';

export { ConfigError } from './env-config';

const POOL_SIZE_RULE = 'DATABASE_POOL_SIZE must be a whole number from 1 to 1000';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** Only the words true and false; anything else stays a string and is refused by name. */
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Every environment variable the processes read, validated once at start so a
 * typo stops the process with one line instead of failing on first use.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Address the API and the worker's health port bind to; unset: the API 0.0.0.0, the worker 127.0.0.1. */
  @IsOptional()
  @Matches(/^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*)$/, {
    message: 'HOST must be an IP address or a host name to bind to',
  })
  HOST?: string;

  /** Whether the API and the worker apply pending migrations (under an advisory lock) before serving. */
  @Transform(toBool)
  @IsBoolean({ message: 'MIGRATE_ON_START must be true or false' })
  MIGRATE_ON_START = true;

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  /** Connections each process keeps to PostgreSQL (pg pool `max`). */
  @Transform(toInt)
  @IsInt({ message: POOL_SIZE_RULE })
  @Min(1, { message: POOL_SIZE_RULE })
  @Max(1000, { message: POOL_SIZE_RULE })
  DATABASE_POOL_SIZE = 10;

  /**
   * How long a request waits for a PostgreSQL connection (a new one, or a
   * free one of the pool) before it answers 503 database_unavailable: an
   * unreachable database is said at once instead of holding the request.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 2000;

  /** PostgreSQL application_name of this process (the launcher sets gcm-api and gcm-worker), seen in pg_stat_activity. */
  @Matches(/^[A-Za-z0-9_.-]{1,63}$/, { message: 'APP_NAME must be 1-63 letters, digits, ".", "_" or "-"' })
  APP_NAME = 'gcm-tracker';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  /**
   * Bound on connecting to Redis and on each command of the request-path
   * clients (job producers, stats cache, sign-in limits): past it the request
   * answers 503 queue_unavailable. Worker connections wait out an outage instead.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  REDIS_COMMAND_TIMEOUT_MS = 2000;

  /** Key prefix for every BullMQ and cache key, so several deployments (or test files) share one Redis. */
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'REDIS_PREFIX must be 1-64 letters, digits, ":", "_" or "-"' })
  REDIS_PREFIX = 'gcm';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Public base URL used in e-mails and printed at start. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Matches(/^([^<>\r\n]+<)?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'MAIL_FROM must be an address, optionally with a display name' })
  MAIL_FROM = 'GCM Tracker <no-reply@gcm-tracker.local>';

  /** Signs access tokens; must be long and secret in production. */
  @IsString()
  @MinLength(32, { message: 'AUTH_SECRET must be at least 32 characters' })
  AUTH_SECRET = 'development-only-secret-change-me-in-production!!';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 0;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 2;

  /**
   * How long a worker holds a job between lock renewals. After a crash the job
   * is retried once its lock has expired and the stalled check has run, so a
   * short lock means quick recovery; the event loop must stay free enough to
   * renew it (heavy rendering runs in worker threads).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  WORKER_LOCK_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600_000)
  WORKER_STALLED_INTERVAL_MS = 15_000;

  /**
   * A requested report waits this long in the queue before it runs, so a burst
   * of identical requests joins the one queued run instead of starting another.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  REPORT_REQUEST_DELAY_MS = 1000;

  /** Long-lived worker threads a worker process keeps for PDF and XLSX rendering. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  REPORT_RENDER_THREADS = 2;

  /** How often the worker looks for pledges that need a reporting reminder. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  REMINDER_SCAN_EVERY_MINUTES = 60;

  /** How often the worker prunes expired sessions, used or expired tokens and old idempotency keys. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_080)
  RETENTION_PRUNE_EVERY_MINUTES = 360;

  /** A session that expired or was revoked is deleted (with its refresh tokens) this many days later. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  SESSION_RETENTION_DAYS = 30;

  /** An invitation or password-reset token that was used or expired is deleted this many days later. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  TOKEN_RETENTION_DAYS = 30;

  /** An Idempotency-Key (and the response kept for its replays) is forgotten this many hours after first use. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(8760)
  IDEMPOTENCY_RETENTION_HOURS = 72;
  /** How long a reminder e-mail's "no change" and "update" links work (single use, bound to user, pledge, cycle and the pledge's version). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  REMINDER_LINK_TTL_HOURS = 72;

  /** Lifetime of a signed access token; each request also re-checks the session, so sign-out is immediate. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Absolute lifetime of a sign-in session (its refresh tokens rotate within it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  INVITATION_TTL_HOURS = 168;

  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /**
   * Sign-in limits (OWASP: a stranger must not be able to lock the owner out).
   * Hard limits, answered 429: failed attempts per account from one client
   * address, and failed attempts per address across accounts. Per account from
   * every address, attempts past SIGNIN_SLOWDOWN_PER_ACCOUNT are slowed down
   * instead (each waits 250 ms, doubling, at most SIGNIN_SLOWDOWN_MAX_MS).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGNIN_LIMIT_PER_ACCOUNT_IP = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGNIN_LIMIT_PER_IP = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGNIN_SLOWDOWN_PER_ACCOUNT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SIGNIN_SLOWDOWN_MAX_MS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SIGNIN_LIMIT_WINDOW_SECONDS = 900;

  /** Starting an SSO sign-in, per client IP per SIGNIN_LIMIT_WINDOW_SECONDS (each start stores a state row and redirects to the provider). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SSO_START_LIMIT_PER_IP = 60;

  /** E-mail subscription requests per address and per client IP, per SUBSCRIBE_LIMIT_WINDOW_SECONDS (each sends a confirmation mail). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SUBSCRIBE_LIMIT_PER_ADDRESS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SUBSCRIBE_LIMIT_PER_IP = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SUBSCRIBE_LIMIT_WINDOW_SECONDS = 3600;

  /** Password-reset requests and confirmations per account and per client IP, per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RESET_LIMIT_PER_ACCOUNT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RESET_LIMIT_PER_IP = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  RESET_LIMIT_WINDOW_SECONDS = 3600;

  /**
   * Lifetime of a cached public aggregate in Redis; every committed change to
   * public data invalidates the cache at once (database triggers NOTIFY, each
   * process listens), the lifetime is only a last bound. 0 turns the
   * cache off (the benchmark measures the uncached path that way).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400)
  STATS_CACHE_TTL_SECONDS = 900;

  /**
   * At most one stats cache invalidation per this many milliseconds: a
   * commit of public data after a quiet spell invalidates at once, commits
   * notified within the window after an invalidation are handled together
   * when it ends, so a burst of validations clears the cache once per window
   * rather than once per commit. Meanwhile the cached copies are still served
   * (and nothing new is stored); a write's own answer waits for its change to
   * be handled, so its author's next read sees it. 0: every change at once.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(2000)
  STATS_INVALIDATION_WINDOW_MS = 150;

  /**
   * How many public aggregates one API process computes at once for the
   * cache; further misses wait their turn (misses of one key share one
   * computation whatever this is). After an invalidation every dashboard
   * misses together: unbounded, they would hold the whole pool and every
   * core of the database while writes (a focal point's submission) wait
   * behind them. About the database's cores is right.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  STATS_COMPUTE_CONCURRENCY = 2;

  /**
   * HTTP timeouts of the API's server. A request (headers and body, e.g. an
   * evidence upload) must arrive within HTTP_REQUEST_TIMEOUT_MS, its headers
   * within HTTP_HEADERS_TIMEOUT_MS, else the server answers 408 and closes the
   * connection, so a slow client cannot hold one for minutes; an idle
   * keep-alive connection is closed after HTTP_KEEP_ALIVE_TIMEOUT_MS.
   * Responses (downloads) are not cut.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  HTTP_REQUEST_TIMEOUT_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  HTTP_HEADERS_TIMEOUT_MS = 20_000;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5000;

  /**
   * Which peers may tell the client's address in X-Forwarded-For (Express's
   * `trust proxy`): false (the peer is the client), a hop count, or
   * comma-separated addresses, CIDRs and the names loopback, linklocal,
   * uniquelocal. The sign-in and reset limits and the audit log use the result.
   */
  @ValidateBy({ name: 'trustProxy', validator: { validate: (v) => parseTrustProxy(v) !== undefined, defaultMessage: () => TRUST_PROXY_RULE } })
  TRUST_PROXY = 'false';

  /** After SIGTERM: readiness answers 503 at once and the API keeps serving this long, so a load balancer sees it first. */
  @Transform(toInt)
  @IsInt({ message: 'SHUTDOWN_GRACE_MS must be a whole number from 0 to 60000' })
  @Min(0, { message: 'SHUTDOWN_GRACE_MS must be a whole number from 0 to 60000' })
  @Max(60_000, { message: 'SHUTDOWN_GRACE_MS must be a whole number from 0 to 60000' })
  SHUTDOWN_GRACE_MS = 5000;

  /**
   * After SIGTERM, in-flight requests and active jobs get this long (grace
   * included); then connections are cut, unfinished jobs handed back, and the
   * process exits at most a few seconds later. Keep it under the orchestrator's
   * kill timeout (Docker's stop_grace_period, Kubernetes' 30 s default).
   */
  @Transform(toInt)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be a whole number from 1000 to 600000' })
  @Min(1000, { message: 'SHUTDOWN_TIMEOUT_MS must be a whole number from 1000 to 600000' })
  @Max(600_000, { message: 'SHUTDOWN_TIMEOUT_MS must be a whole number from 1000 to 600000' })
  SHUTDOWN_TIMEOUT_MS = 20_000;

  /** Turns on `GET /metrics` (API and worker port) for a scraper sending `Authorization: Bearer <token>`; unset: /metrics is 404. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._~+/=-]{16,256}$/, { message: 'METRICS_TOKEN must be 16-256 characters of A-Z, a-z, 0-9 and ._~+/=-' })
  METRICS_TOKEN?: string;

  /** OpenTelemetry traces go to this OTLP/HTTP endpoint (e.g. http://collector:4318/v1/traces); unset: no tracing. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** Seed files (reference data and source documents); defaults to the repository's seeds/sources. */
  @IsOptional()
  @IsString()
  SEED_DIR?: string;
}

/** Secrets that were ever written in this repository (the default, and docker-compose's former fallback): never in production. */
const PUBLISHED_SECRETS = [new AppConfig().AUTH_SECRET, 'change-me-to-a-long-random-secret-of-32-chars'];

const CONFIG_KEYS = [
  'NODE_ENV', 'PORT', 'HOST', 'MIGRATE_ON_START', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'DATABASE_CONNECT_TIMEOUT_MS', 'APP_NAME', 'REDIS_URL',
  'REDIS_COMMAND_TIMEOUT_MS',
  'REDIS_PREFIX', 'LOG_LEVEL', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM', 'AUTH_SECRET', 'WORKER_PORT', 'WORKER_CONCURRENCY',
  'SEED_DIR', 'ACCESS_TOKEN_TTL_SECONDS', 'REFRESH_TOKEN_TTL_DAYS', 'INVITATION_TTL_HOURS', 'PASSWORD_RESET_TTL_MINUTES',
  'SIGNIN_LIMIT_PER_ACCOUNT_IP', 'SIGNIN_LIMIT_PER_IP', 'SIGNIN_SLOWDOWN_PER_ACCOUNT', 'SIGNIN_SLOWDOWN_MAX_MS', 'SIGNIN_LIMIT_WINDOW_SECONDS', 'RESET_LIMIT_PER_ACCOUNT',
  'RESET_LIMIT_PER_IP', 'RESET_LIMIT_WINDOW_SECONDS', 'SSO_START_LIMIT_PER_IP', 'SUBSCRIBE_LIMIT_PER_ADDRESS', 'SUBSCRIBE_LIMIT_PER_IP',
  'SUBSCRIBE_LIMIT_WINDOW_SECONDS', 'WORKER_LOCK_MS', 'WORKER_STALLED_INTERVAL_MS',
  'REPORT_REQUEST_DELAY_MS', 'REMINDER_SCAN_EVERY_MINUTES', 'REMINDER_LINK_TTL_HOURS', 'RETENTION_PRUNE_EVERY_MINUTES', 'SESSION_RETENTION_DAYS',
  'TOKEN_RETENTION_DAYS', 'IDEMPOTENCY_RETENTION_HOURS', 'REPORT_RENDER_THREADS', 'STATS_CACHE_TTL_SECONDS', 'STATS_INVALIDATION_WINDOW_MS', 'STATS_COMPUTE_CONCURRENCY',
  'HTTP_REQUEST_TIMEOUT_MS', 'HTTP_HEADERS_TIMEOUT_MS', 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
  'TRUST_PROXY', 'SHUTDOWN_GRACE_MS', 'SHUTDOWN_TIMEOUT_MS', 'METRICS_TOKEN', 'OTEL_EXPORTER_OTLP_ENDPOINT',
] as const satisfies readonly (keyof AppConfig)[];

/** Validates the environment; throws ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const config = readEnvConfig(AppConfig, CONFIG_KEYS, env);
  if (config.NODE_ENV === 'production' && PUBLISHED_SECRETS.includes(config.AUTH_SECRET)) {
    throw new ConfigError('Invalid configuration: AUTH_SECRET must be set in production');
  }
  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (config.SHUTDOWN_GRACE_MS >= config.SHUTDOWN_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration: SHUTDOWN_GRACE_MS must be shorter than SHUTDOWN_TIMEOUT_MS');
  }
  validateFeatureConfigs(env);
  return config;
}
