/**
 * What a failed build attempt says about the world: `infra` when the database,
 * Redis or the network was unreachable (it fixes itself once the failover is
 * over, so it is waited out instead of spending an attempt), `aborted` when
 * this worker is shutting down under the job (another worker takes it), and
 * `build` for everything else (a real error, retried a few times, then failed).
 */
export type FailureKind = 'infra' | 'aborted' | 'build';

/** Raised by the render pool when it closes under a job (SIGTERM): the job is handed back, not failed. */
export class RenderAbortedError extends Error {
  constructor(message = 'render pool closed: the worker is shutting down') {
    super(message);
    this.name = 'RenderAbortedError';
  }
}

/** Socket-level errors of node, pg and ioredis. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH',
  'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND', 'ESOCKETTIMEDOUT',
]);

/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection
 * exception), 57P01–57P03 (admin/crash shutdown, "the database system is
 * starting up / shutting down"), class 53 (too many connections, out of
 * memory or disk: a server under failover pressure).
 */
const isPgUnavailable = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || /^53[0-9A-Z]{3}$/.test(code);

/** Messages of the same failures where the drivers give no code (and BullMQ's failedReason, which keeps only the message). */
const INFRA_MESSAGES = [
  /\bECONNREFUSED\b|\bECONNRESET\b|\bETIMEDOUT\b|\bEPIPE\b|\bEHOSTUNREACH\b|\bENETUNREACH\b|\bEAI_AGAIN\b/,
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /timeout expired/i,
  /query read timeout/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to administrator command/i,
  /server closed the connection unexpectedly/i,
  /is not queryable/i,
  /cannot use a pool after calling end on the pool/i,
  /driver not connected/i,
  /connection is closed/i,
  /reached the max retries per request limit/i,
  /stream isn't writeable/i,
  /socket hang up/i,
  /too many clients already/i,
];

const ABORT_MESSAGES = [/render pool closed/i, /render pool is closed/i];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  errno?: unknown;
  cause?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

/** The error and what it wraps (TypeORM's driverError, `cause`, an AggregateError's errors), bounded against cycles. */
function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const todo: unknown[] = [err];
  while (todo.length > 0 && out.length < 20) {
    const e = todo.shift();
    if (!e || typeof e !== 'object' || out.includes(e as ErrorLike)) continue;
    const x = e as ErrorLike;
    out.push(x);
    todo.push(x.driverError, x.cause, ...(Array.isArray(x.errors) ? x.errors : []));
  }
  return out;
}

/** Classifies a failed attempt's error (see FailureKind). */
export function classifyError(err: unknown): FailureKind {
  const all = chain(err);
  // TypeORM's words for a transaction whose connection died under it (the query after the lost one finds the runner released).
  if (all.some((e) => typeof e.name === 'string' && /^QueryRunner(Provider)?AlreadyReleasedError$/.test(e.name))) return 'infra';
  if (all.some((e) => e.name === 'RenderAbortedError' || (typeof e.message === 'string' && ABORT_MESSAGES.some((re) => re.test(e.message as string))))) {
    return 'aborted';
  }
  for (const e of all) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || isPgUnavailable(code)) return 'infra';
    if (typeof e.message === 'string' && INFRA_MESSAGES.some((re) => re.test(e.message as string))) return 'infra';
  }
  return 'build';
}

/** The same judgement from a message alone (a run's stored error, BullMQ's failedReason). */
export function classifyMessage(message: string | null | undefined): FailureKind {
  if (!message) return 'build';
  if (ABORT_MESSAGES.some((re) => re.test(message))) return 'aborted';
  return INFRA_MESSAGES.some((re) => re.test(message)) ? 'infra' : 'build';
}

/**
 * The wait before the next try of an infrastructure failure: capped
 * exponential (1 s, 2 s, 4 s … 30 s) with ±20 % jitter, so the jobs of a
 * flow do not all knock on the recovering database at the same instant.
 */
export function infraDelayMs(retries: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(retries, 15));
  return Math.round(base * (0.8 + 0.4 * random()));
}
