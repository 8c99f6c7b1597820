import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (the folder with package.json), from sources or from dist. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'nest-cli.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}

/** A compiled app started as a child process, once it has reported ready over IPC. */
export interface ReadyChild {
  child: ChildProcess;
  /** Everything it wrote to stderr (the last 20 kB), for a failing test's message. */
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
}

/** Spawns `node [nodeArgs] main` and waits for its `{ type: 'ready' }` IPC message; rejects if it exits or times out first. */
export async function spawnReady(what: string, main: string, nodeArgs: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ReadyChild> {
  const child = spawn(process.execPath, [...nodeArgs, main], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} not ready after ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.on('message', (m: { type?: string }) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before ready: ${stderr}`));
    });
  });
  return { child, stderr: () => stderr, exited };
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it wrote to stderr, for a failing test's message. */
  stderr(): string;
  /** SIGKILL: no shutdown hook, no lock release, active jobs left to the stalled check. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The compiled worker (`node dist/apps/worker/src/main.js`, as in production)
 * as a child process, resolved once it reports ready over IPC. Short job
 * locks make a killed worker's jobs come back within seconds.
 */
export async function spawnWorker(env: Record<string, string>, timeoutMs = 30_000): Promise<WorkerProcess> {
  const main = join(repoRoot(), 'dist', 'apps', 'worker', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} not found: build first (npm test and npm run bench build)`);
  // WORKER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the worker of a benchmark.
  const nodeArgs = (process.env.WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const { child, stderr, exited } = await spawnReady('worker', main, nodeArgs, {
    ...process.env, MIGRATE_ON_START: 'false', LOG_LEVEL: 'warn', WORKER_PORT: '0',
    WORKER_LOCK_MS: '3000', WORKER_STALLED_INTERVAL_MS: '1000', ...env,
  }, timeoutMs);
  return {
    child,
    stderr,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
