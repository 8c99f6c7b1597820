import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Forks a server script and waits for its `{ type: 'ready' }` message; its output is discarded. */
export async function startServer(script: string, env: Record<string, string>, port: number): Promise<RunningServer> {
  const child: ChildProcess = fork(script, [], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (m: { type?: string }) => m?.type === 'ready' && resolve());
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${script} not ready in 60 s`)), 60_000).unref());
  await Promise.race([ready, timeout]);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
