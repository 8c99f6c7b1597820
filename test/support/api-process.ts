import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../apps/launcher/src/net.util';
import { repoRoot, spawnReady } from './worker-process';

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

/**
 * The compiled API (`node dist/apps/api/src/main.js`, as in production) as a
 * child process on a free port, resolved once it reports ready over IPC.
 */
export async function spawnApi(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  const main = join(repoRoot(), 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} not found: build first`);
  const port = await freePort();
  const { child, stderr, exited } = await spawnReady('api', main, [], {
    ...process.env, NODE_ENV: 'test', MIGRATE_ON_START: 'false', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env,
  }, timeoutMs);
  return {
    child,
    port,
    stderr,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
