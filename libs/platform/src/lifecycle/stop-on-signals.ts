import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ShutdownState } from './shutdown-state';

/** What closing the Nest context (pools, Redis clients, render threads) may take after the drain. */
export const CLOSE_RESERVE_MS = 5000;

/**
 * SIGTERM/SIGINT for an app entry point, in place of Nest's
 * enableShutdownHooks: Nest would run every onModuleDestroy (Redis clients,
 * queue connections, render threads) before the HTTP server or the job
 * runner has finished what it holds, and would wait for keep-alive clients
 * forever. Here: readiness 503 at once, then `drain` (given the deadline
 * SHUTDOWN_TIMEOUT_MS away), then the Nest hooks, then exit; a timer makes
 * sure the process is gone CLOSE_RESERVE_MS after the deadline whatever hangs.
 */
export function stopOnSignals(app: INestApplicationContext, drain: (deadline: number) => Promise<string>): void {
  const config = app.get(AppConfig);
  const state = app.get(ShutdownState);
  const log = new Logger('Shutdown');
  const stop = async (signal: NodeJS.Signals) => {
    if (!state.begin()) return;
    const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
    setTimeout(() => {
      log.error(`still closing ${CLOSE_RESERVE_MS} ms after the shutdown deadline: exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + CLOSE_RESERVE_MS).unref();
    log.log(`${signal}: draining, readiness 503, exit within ${config.SHUTDOWN_TIMEOUT_MS} ms`);
    try {
      const outcome = await drain(deadline);
      log.log(`drained: ${outcome}`);
      await app.close();
      process.exit(0);
    } catch (err) {
      log.error(`shutdown failed: ${(err as Error).message}`);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (s) => void stop(s));
}
