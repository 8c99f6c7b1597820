import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';

export const INDEX_CACHE = 'no-cache';
/** Vite puts a content hash in every file name under /assets, so a file there never changes. */
export const HASHED_CACHE = 'public, max-age=31536000, immutable';
export const PLAIN_CACHE = 'public, max-age=3600';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** Paths the API answers itself; everything else is the web app's. */
export const API_PATHS = /^\/(api|health)(\/|$)/;

export type Encoding = 'br' | 'gzip';

export interface WebFile {
  file: string;
  cacheControl: string;
  /** Build-time compressed copies (`.br`, `.gz`) beside the file. */
  variants: Partial<Record<Encoding, string>>;
  contentType?: string;
}

/** `apps/web/dist` of the checkout this code runs from (source under ts-jest, or compiled under dist/). */
export function findWebDist(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function indexTime(root: string): number {
  try {
    return statSync(join(root, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/**
 * The built files, listed once at start: a request is served only if its path
 * is in this table, so no request path ever reaches the file system.
 */
export class WebAssets {
  private constructor(
    readonly root: string,
    private readonly files: Map<string, WebFile>,
    private readonly builtAt: number,
  ) {}

  static load(root: string): WebAssets {
    const all = new Set(walk(root));
    const files = new Map<string, WebFile>();
    for (const file of all) {
      if (/\.(br|gz)$/.test(file)) continue;
      const url = `/${relative(root, file).split(sep).join('/')}`;
      const variants: WebFile['variants'] = {};
      if (all.has(`${file}.br`)) variants.br = `${file}.br`;
      if (all.has(`${file}.gz`)) variants.gzip = `${file}.gz`;
      const cacheControl = url === '/index.html' ? INDEX_CACHE : url.startsWith('/assets/') ? HASHED_CACHE : PLAIN_CACHE;
      files.set(url, { file, cacheControl, variants, contentType: TYPES[extname(file)] });
    }
    return new WebAssets(root, files, indexTime(root));
  }

  /** True once a new build replaced the one listed (a rebuild while the server runs). */
  stale(): boolean {
    return indexTime(this.root) !== this.builtAt;
  }

  get index(): WebFile {
    return this.files.get('/index.html') as WebFile;
  }

  /**
   * What answers a GET for `path`: the file itself, else index.html for any
   * page path (the app routes it), else nothing (API paths, missing assets → 404).
   */
  resolve(path: string): WebFile | undefined {
    const hit = this.files.get(path);
    if (hit) return hit;
    if (API_PATHS.test(path) || path.startsWith('/assets/')) return undefined;
    return this.index;
  }
}

/** Brotli when the client takes it, then gzip; `q=0` refuses a coding. */
export function pickEncoding(acceptEncoding: string | undefined, available: WebFile['variants']): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name.trim().toLowerCase()),
  );
  return (['br', 'gzip'] as const).find((e) => available[e] && (accepted.has(e) || accepted.has('*')));
}
