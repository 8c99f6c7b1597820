import { ChildProcess, fork } from 'node:child_process';

const log = (msg: string) => process.stdout.write(`[gcm] ${msg}\n`);

export interface Supervised {
  name: string;
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs a compiled entry point as a child process and restarts it (with a
 * growing delay) if it dies: a crashed API or worker comes back on its own,
 * and BullMQ hands the crashed worker's active jobs out again.
 */
export function supervise(name: string, script: string, env: NodeJS.ProcessEnv): Supervised {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let markReady!: () => void;
  let markFailed!: (e: Error) => void;
  let isReady = false;
  const ready = new Promise<void>((res, rej) => {
    markReady = () => {
      isReady = true;
      res();
    };
    markFailed = rej;
  });

  const start = () => {
    const startedAt = Date.now();
    child = fork(script, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m: { type?: string }) => {
      if (m?.type === 'ready') {
        if (!isReady) markReady();
        restarts = 0;
      }
    });
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (!isReady && code === 78) return markFailed(new Error(`${name} refused its configuration`));
      if (Date.now() - startedAt > 60_000) restarts = 0;
      restarts += 1;
      if (!isReady && restarts > 5) return markFailed(new Error(`${name} kept failing to start (exit ${code ?? signal})`));
      const delay = Math.min(30_000, 500 * 2 ** restarts);
      log(`${name} exited (${code ?? signal}); restarting in ${delay} ms`);
      setTimeout(start, delay);
    });
  };
  start();

  return {
    name,
    ready,
    stop: () =>
      new Promise<void>((done) => {
        stopping = true;
        if (!child || child.exitCode !== null || child.signalCode !== null) return done();
        // The child drains for SHUTDOWN_TIMEOUT_MS and exits within 5 s after (stopOnSignals); SIGKILL only past that.
        const timer = setTimeout(() => child?.kill('SIGKILL'), Number(env.SHUTDOWN_TIMEOUT_MS || 20_000) + 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
