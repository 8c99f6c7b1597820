import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';

const log = (msg: string) => process.stdout.write(`[gcm] ${msg}\n`);

/** A program the platform or its tests run, and the Debian package that ships it. */
export interface DebianTool {
  /** Command looked up on PATH, or an absolute path checked as a file. */
  command: string;
  pkg: string;
  /** Who notices when it is missing, for the one line printed when it cannot be installed. */
  neededBy: string;
}

export function which(cmd: string): string | null {
  if (cmd.startsWith('/')) return existsSync(cmd) ? cmd : null;
  const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Installs, from Debian's packages and in one apt-get call, the tools that are
 * missing. Only root can; anyone else gets one line per missing tool saying
 * what will fail, and the caller carries on (the tests that need it then fail
 * and say why). Returns the tools still missing afterwards.
 */
export function ensureDebianTools(tools: DebianTool[]): DebianTool[] {
  const missing = tools.filter((t) => !which(t.command));
  if (missing.length === 0) return [];
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  if (userInfo().uid === 0 && which('apt-get')) {
    log(`installing ${pkgs.join(', ')} from Debian packages`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
    } catch (err) {
      log(`apt-get failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const still = missing.filter((t) => !which(t.command));
  for (const t of still) {
    const why = userInfo().uid === 0 ? 'could not be installed' : 'is not installed and only root can install it';
    log(`${t.command} (Debian package ${t.pkg}) ${why}: ${t.neededBy} will fail`);
  }
  return still;
}
