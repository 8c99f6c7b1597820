import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

export interface RunningServer {
  url: string;
  /** CPU time (user + system) the server's process has used so far, in ms: what the load of other processes does not change. */
  cpuMs(): number;
  stop(): Promise<void>;
}

let ticksPerSecond: number | undefined;

/** utime + stime of a process from /proc (Linux), in ms. */
export function processCpuMs(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
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
    cpuMs: () => processCpuMs(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
