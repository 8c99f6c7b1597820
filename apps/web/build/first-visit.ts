import { gzipSync } from 'node:zlib';

/** The cycle workbench's first-visit budget: JS gzipped, in every interface language. */
export const WORKBENCH_BUDGET = 60_000;

/** Where the build's report goes in dist/ (the budget test and `npm run bench` read it). */
export const BUNDLE_REPORT_FILE = 'bundle-report.json';

/** The built JS chunks a first visit can touch: file → the files it imports statically (the browser fetches them with it). */
export type ChunkGraph = Record<string, string[]>;

/** What `npm run build` writes to dist/bundle-report.json (and prints), read back by the budget test and `npm run bench`. */
export interface BundleReport {
  budget: number;
  /** The files main.tsx loads on a first visit to /workspace/cycles/:code: the entry, then the language's catalogue, then the app beside the workbench's own chunk. */
  roots: { entry: string; app: string; workbench: string; catalogues: Record<string, string> };
  graph: ChunkGraph;
  /** Per language: the JS files of the workbench's first visit and their gzipped bytes together. */
  workbench: Record<string, { files: string[]; js: number }>;
  css: number;
}

/** A file's size gzipped (zlib's default level; the API sends the level-9 `.gz` precompress.ts writes, a little smaller). */
export const gzipped = (source: string | Uint8Array) => gzipSync(source).length;

/** `roots` and every chunk they import, transitively. */
export function closure(graph: ChunkGraph, roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    (graph[file] ?? []).forEach(visit);
  };
  roots.forEach(visit);
  return [...seen].sort();
}

/**
 * The one rule for the workbench's first-visit JS, per language: the closure
 * of the entry, the language's catalogue, the app and the workbench chunk,
 * each file counted once, gzipped. The build prints it, the test recomputes it
 * from the files on disk, the browser test checks the same files are the ones fetched.
 */
export function workbenchFirstVisit(
  roots: BundleReport['roots'],
  graph: ChunkGraph,
  size: (file: string) => number,
): BundleReport['workbench'] {
  const out: BundleReport['workbench'] = {};
  for (const [locale, catalogue] of Object.entries(roots.catalogues)) {
    const files = closure(graph, [roots.entry, catalogue, roots.app, roots.workbench]);
    out[locale] = { files, js: files.reduce((sum, f) => sum + size(f), 0) };
  }
  return out;
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
