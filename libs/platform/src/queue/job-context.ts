import { currentContext, RequestContext } from '../context/request-context';
import { extractTraceContext, injectTraceContext } from '../tracing/tracing';

/** Who queued a job, and on which request: added to its data on enqueue, restored around its handler in the worker. */
export interface JobOrigin {
  correlationId?: string;
  actorId?: string | null;
  actorRole?: string | null;
  /** W3C trace context (`traceparent`) of the span that queued it, when tracing is on. */
  trace?: Record<string, string>;
}

export const JOB_ORIGIN_KEY = '_origin';

/** The job's data with the current request's origin beside the payload's ids (a job queued outside a request gets none). */
export function withOrigin<T>(data: T): T {
  const ctx = currentContext();
  const trace = injectTraceContext();
  if (!ctx && !trace) return data;
  const origin: JobOrigin = { correlationId: ctx?.correlationId, actorId: ctx?.actorId ?? null, actorRole: ctx?.actorRole ?? null, trace };
  return { ...(data as object), [JOB_ORIGIN_KEY]: origin } as T;
}

export function originOf(data: unknown): JobOrigin | undefined {
  const origin = (data as Record<string, unknown> | null | undefined)?.[JOB_ORIGIN_KEY];
  return origin && typeof origin === 'object' ? (origin as JobOrigin) : undefined;
}

/** The request context a job's handler runs in: the requester's correlation id and actor, so its logs and audit rows name them. */
export function jobContext(origin: JobOrigin | undefined, jobKey: string): RequestContext {
  return {
    correlationId: origin?.correlationId ?? `job:${jobKey}`,
    actorId: origin?.actorId ?? null,
    actorRole: origin?.actorRole ?? null,
  };
}

export const jobParentContext = (origin: JobOrigin | undefined) => extractTraceContext(origin?.trace);
