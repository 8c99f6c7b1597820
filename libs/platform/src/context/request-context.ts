import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '../pure/locales';

/** Who is acting and on which request; read by the audit log and error filter without threading it through every call. */
export interface RequestContext {
  correlationId: string;
  ip?: string;
  actorId?: string | null;
  actorRole?: string | null;
  organisationId?: string | null;
  /** The language of this request's messages and catalogue texts (`?lang=`, else `Accept-Language`, else English). */
  locale?: Locale;
  /** A `?lang=` that is none of the six: the input guard answers 400 (see request-locale.ts). */
  invalidLang?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called by authentication once the actor is known; the context object is shared for the whole request. */
export function setActor(actor: Pick<RequestContext, 'actorId' | 'actorRole' | 'organisationId'>): void {
  const ctx = storage.getStore();
  if (ctx) Object.assign(ctx, actor);
}
