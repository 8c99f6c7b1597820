import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { ShutdownState } from './shutdown-state';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/**
 * From SIGTERM on, every response whose headers are not yet sent says
 * `Connection: close` (Node then ends the socket after it), so a keep-alive
 * client reconnects — to another replica once the balancer has seen readiness
 * go 503 — instead of pinning this process. Set when the headers are written,
 * not when the request arrived: a request that was in flight at SIGTERM gets
 * it too.
 */
export function connectionCloseWhenDraining(state: ShutdownState) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      if (state.draining && !this.headersSent) this.setHeader('Connection', 'close');
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}

export interface HttpDrainResult {
  /** Connections still open at the deadline, cut then. */
  cut: number;
}

/**
 * The HTTP half of a clean stop: keep serving for `graceMs` (readiness is
 * already 503, so the balancer stops sending), then stop accepting, close the
 * idle keep-alive sockets, let in-flight requests finish until `deadline`, and
 * cut whatever is left then. Sockets that were busy at close() go idle after
 * their response (which says Connection: close); the sweep closes any that
 * stayed open anyway, e.g. a response whose headers left before SIGTERM.
 */
export async function drainHttpServer(server: Server, graceMs: number, deadline: number): Promise<HttpDrainResult> {
  await sleep(Math.min(graceMs, deadline - Date.now()));
  if (!server.listening) return { cut: 0 };
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  try {
    const inTime = await Promise.race([closed.then(() => true), sleep(deadline - Date.now()).then(() => false)]);
    if (inTime) return { cut: 0 };
    const cut = await new Promise<number>((resolve) => server.getConnections((_err, n) => resolve(n ?? 0)));
    server.closeAllConnections();
    return { cut };
  } finally {
    clearInterval(sweep);
  }
}
