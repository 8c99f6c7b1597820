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

/** Socket-level failures. The pg driver surfaces them as they are; the Redis clients are set up never to (see createRedis). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server that cannot serve now: class 08 (connection
 * exception), 57P01-57P03 (terminated by an administrator or a crash, or
 * starting up / shutting down), 53300 (too many connections).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

const PG_MESSAGES = [
  /^Connection terminated/, // pg: the server closed the socket (unexpectedly, or due to connection timeout)
  /timeout exceeded when trying to connect/, // pg-pool: no connection within connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable/,
  /the database system is (starting up|shutting down|in recovery mode)/,
];

const REDIS_MESSAGES = [
  /^Connection is closed\.?$/, // ioredis: the connection ended with the command outstanding
  /^Stream isn't writeable/, // ioredis: disconnected and the offline queue is off (producers)
  /^Command timed out$/, // ioredis: commandTimeout
  /^Reached the max retries per request limit/, // ioredis MaxRetriesPerRequestError
];

/**
 * Which dependency an error says is out of reach, if any: the one place where
 * the drivers' many ways of saying "unreachable" are told apart from bugs, so
 * every route answers 503 for them (HttpExceptionFilter) and never 500.
 * A TypeORM QueryFailedError carries the driver's error fields on itself.
 */
export function unavailableDependency(thrown: unknown): Dependency | null {
  const err = thrown as Error;
  if (thrown instanceof DependencyUnavailableError) return thrown.dependency;
  // Not `instanceof Error`: socket errors are made by Node's core, which can be another realm than the caller's (Jest's).
  if (typeof thrown !== 'object' || thrown === null || typeof err.message !== 'string') return null;
  if (err.name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.some((re) => re.test(err.message))) return 'queue';
  const code = String((err as { code?: unknown }).code ?? '');
  if (NETWORK_CODES.has(code) || isUnavailableSqlState(code)) return 'database';
  if (PG_MESSAGES.some((re) => re.test(err.message))) return 'database';
  const driverError = (err as { driverError?: unknown }).driverError;
  if (driverError && driverError !== err) return unavailableDependency(driverError);
  // Node's AggregateError when a host name resolves to several addresses and every connect failed.
  const first = (err as { errors?: unknown[] }).errors?.[0];
  return first ? unavailableDependency(first) : null;
}
