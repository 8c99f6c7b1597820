import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the reference data and source documents live: SEED_DIR when given,
 * else the repository's seeds/sources found by walking up from this file
 * (works from both the TypeScript sources and the compiled dist/ tree).
 */
export function resolveSeedDir(configured?: string): string {
  if (configured) return resolve(configured);
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'seeds', 'sources');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('seeds/sources not found; set SEED_DIR');
    dir = parent;
  }
}
