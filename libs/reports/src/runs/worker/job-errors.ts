import { errorChain, unavailableDependency, unavailableMessage } from '@gcm/platform';
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

const ABORT_MESSAGES = [/render pool closed/i, /render pool is closed/i];

const aborted = (message: unknown) => typeof message === 'string' && ABORT_MESSAGES.some((re) => re.test(message));

/** Classifies a failed attempt's error (see FailureKind); what is "unreachable" is platform's one rule. */
export function classifyError(err: unknown): FailureKind {
  if (errorChain(err).some((e) => e.name === 'RenderAbortedError' || aborted(e.message))) return 'aborted';
  return unavailableDependency(err) ? 'infra' : 'build';
}

/** The same judgement from a message alone (a run's stored error, BullMQ's failedReason). */
export function classifyMessage(message: string | null | undefined): FailureKind {
  if (!message) return 'build';
  if (aborted(message)) return 'aborted';
  return unavailableMessage(message) ? 'infra' : 'build';
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
