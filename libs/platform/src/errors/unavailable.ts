import { DomainError, ErrorCode } from './domain-error';

/** What a client is told to wait before retrying while PostgreSQL or Redis is unreachable (a failover takes tens of seconds). */
export const RETRY_AFTER_SECONDS = 5;

export type Dependency = 'database' | 'queue';

/** Raised where code notices for itself that a dependency is out of reach (e.g. a bounded wait for Redis ran out). */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: Dependency,
    message: string,
  ) {
    super(message);
    this.name = 'DependencyUnavailableError';
  }
}

export function unavailable(dependency: Dependency): DomainError {
  return dependency === 'database'
    ? new DomainError(ErrorCode.DatabaseUnavailable, 'The database is unavailable; try again shortly', undefined, retryAfter())
    : new DomainError(ErrorCode.QueueUnavailable, 'The queue store is unavailable; try again shortly', undefined, retryAfter());
}

function retryAfter(): Record<string, string> {
  return { 'Retry-After': String(RETRY_AFTER_SECONDS) };
}

/** Socket-level failures of node, pg and ioredis (the Redis clients are set up never to surface them; see createRedis). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH',
  'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND', 'ESOCKETTIMEDOUT',
]);

/**
 * SQLSTATEs of a server that cannot serve now: class 08 (connection
 * exception), 57P01-57P03 (terminated by an administrator or a crash, or
 * starting up / shutting down), class 53 (too many connections, out of
 * memory or disk: a server under failover pressure).
 */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || /^53[0-9A-Z]{3}$/.test(code);
}

/** The same failures where the drivers give no code, or only a message survives (a run's stored error, BullMQ's failedReason). */
const DATABASE_MESSAGES = [
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)\b/,
  /connection terminated/i, // pg: the server closed the socket (unexpectedly, or due to connection timeout)
  /timeout exceeded when trying to connect/i, // pg-pool: no connection within connectionTimeoutMillis
  /is not queryable/i, // pg: a client whose connection failed
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to administrator command/i,
  /server closed the connection unexpectedly/i,
  /cannot use a pool after calling end on the pool/i,
  /driver not connected/i,
  /query read timeout/i,
  /too many clients already/i,
  /socket hang up/i,
];

const REDIS_MESSAGES = [
  /^Connection is closed\.?$/, // ioredis: the connection ended with the command outstanding
  /^Stream isn't writeable/, // ioredis: disconnected and the offline queue is off (producers)
  /^Command timed out$/, // ioredis: commandTimeout
  /^Reached the max retries per request limit/, // ioredis MaxRetriesPerRequestError
];

/** TypeORM's words for a transaction whose connection died under it: the query after the lost one finds the runner released. */
const RELEASED_RUNNER = /^QueryRunner(Provider)?AlreadyReleasedError$/;

/** Which dependency a message alone says is out of reach, if any. */
export function unavailableMessage(message: string | null | undefined): Dependency | null {
  if (!message) return null;
  if (REDIS_MESSAGES.some((re) => re.test(message))) return 'queue';
  return DATABASE_MESSAGES.some((re) => re.test(message)) ? 'database' : null;
}

export interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
}

/** The error and what it wraps (TypeORM's driverError, `cause`, an AggregateError's errors), bounded against cycles. */
export function errorChain(thrown: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const todo: unknown[] = [thrown];
  while (todo.length > 0 && out.length < 20) {
    const e = todo.shift();
    // Not `instanceof Error`: socket errors are made by Node's core, which can be another realm than the caller's (Jest's).
    if (!e || typeof e !== 'object' || out.includes(e as ErrorLike)) continue;
    const x = e as ErrorLike & { driverError?: unknown; cause?: unknown; errors?: unknown };
    out.push(x);
    todo.push(x.driverError, x.cause, ...(Array.isArray(x.errors) ? x.errors : []));
  }
  return out;
}

/**
 * Which dependency an error says is out of reach, if any: the one place where
 * the drivers' many ways of saying "unreachable" are told apart from bugs, so
 * every route answers 503 for them (HttpExceptionFilter) and never 500, and a
 * report job waits an outage out instead of spending an attempt (libs/reports).
 */
export function unavailableDependency(thrown: unknown): Dependency | null {
  if (thrown instanceof DependencyUnavailableError) return thrown.dependency;
  for (const e of errorChain(thrown)) {
    if (e.name === 'MaxRetriesPerRequestError') return 'queue';
    if (typeof e.name === 'string' && RELEASED_RUNNER.test(e.name)) return 'database';
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || isUnavailableSqlState(code)) return 'database';
    const byMessage = typeof e.message === 'string' ? unavailableMessage(e.message) : null;
    if (byMessage) return byMessage;
  }
  return null;
}
