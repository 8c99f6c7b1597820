import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, Socket } from 'node:net';
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

/** A connection with no request for this long after the listener closed is let go. */
const IDLE_CLOSE_MS = 1000;

/**
 * Watches the server's connections from start-up and returns the HTTP half
 * of a clean stop: keep serving for `graceMs` (readiness is already 503, so
 * the balancer stops sending), stop accepting, let in-flight requests finish
 * until `deadline`, and cut whatever is left then. Node's server.close() would
 * also drop every connection without a request in progress at that instant —
 * including one just opened whose request is on its way, which its client sees
 * as a reset — so the listener is closed alone, and a connection is closed only
 * once it has been without a request for IDLE_CLOSE_MS. Responses say
 * Connection: close, so busy connections end by themselves after their answer.
 */
export function httpDrainer(server: Server): (graceMs: number, deadline: number) => Promise<HttpDrainResult> {
  const connections = new Map<Socket, { busy: number; idleSince: number }>();
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { busy: 0, idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = connections.get(req.socket);
    if (!state) return;
    state.busy += 1;
    res.once('close', () => {
      state.busy -= 1;
      state.idleSince = Date.now();
    });
  });

  return async (graceMs, deadline) => {
    await sleep(Math.min(graceMs, deadline - Date.now()));
    if (!server.listening) return { cut: 0 };
    const listenerClosed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const sweep = setInterval(() => {
      for (const [socket, state] of connections) {
        if (state.busy === 0 && Date.now() - state.idleSince >= IDLE_CLOSE_MS) socket.destroy();
      }
    }, 100);
    try {
      const inTime = await Promise.race([listenerClosed.then(() => true), sleep(deadline - Date.now()).then(() => false)]);
      if (inTime) return { cut: 0 };
      const cut = connections.size;
      for (const socket of connections.keys()) socket.destroy();
      return { cut };
    } finally {
      clearInterval(sweep);
    }
  };
}
