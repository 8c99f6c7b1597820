import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

/** The cycle workbench's first-visit budget: JS gzipped. */
export const WORKBENCH_BUDGET = 60_000;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * Prints what a first visit downloads (the entry chunk, its static imports and CSS)
 * gzipped, next to the lazily loaded chunks (charts, map), so bundle growth shows in every build.
 */
export function bundleReport(): Plugin {
  return {
    name: 'gcm-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle: Rollup.OutputBundle) {
      const gz = (name: string) => {
        const item = bundle[name];
        const source = item.type === 'chunk' ? item.code : item.source;
        return gzipSync(typeof source === 'string' ? Buffer.from(source) : Buffer.from(source)).length;
      };
      const entry = Object.values(bundle).find((b) => b.type === 'chunk' && b.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const initial = new Set<string>();
      const visit = (name: string) => {
        const chunk = bundle[name];
        if (initial.has(name) || chunk?.type !== 'chunk') return;
        initial.add(name);
        chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      const js = Object.keys(bundle).filter((n) => n.endsWith('.js'));
      const css = Object.keys(bundle).filter((n) => n.endsWith('.css'));
      const sum = (names: string[]) => names.reduce((total, n) => total + gz(n), 0);
      const lazy = js.filter((n) => !initial.has(n));
      // The cycle workbench is built for a poor connection: its first visit (entry, its own chunk and what that imports, CSS) has a budget.
      const workbench = Object.values(bundle).find((b) => b.type === 'chunk' && b.facadeModuleId?.endsWith('workbench.page.tsx'));
      const visit2 = (name: string, into: Set<string>) => {
        const chunk = bundle[name];
        if (into.has(name) || chunk?.type !== 'chunk') return;
        into.add(name);
        chunk.imports.forEach((n) => visit2(n, into));
      };
      const firstVisit = new Set(initial);
      if (workbench) visit2(workbench.fileName, firstVisit);
      const workbenchJs = sum([...firstVisit]);
      const lines = [
        `initial JS ${kB(sum([...initial]))} gzipped (${initial.size} chunk${initial.size === 1 ? '' : 's'}), CSS ${kB(sum(css))} gzipped`,
        `lazy JS ${kB(sum(lazy))} gzipped: ${lazy.map((n) => `${n.replace(/^assets\//, '')} ${kB(gz(n))}`).join(', ')}`,
        `all JS ${kB(sum(js))} gzipped`,
        ...(workbench
          ? [`workbench first visit JS ${kB(workbenchJs)} gzipped (${firstVisit.size} chunks) + CSS ${kB(sum(css))}; budget ${kB(WORKBENCH_BUDGET)} JS: ${workbenchJs <= WORKBENCH_BUDGET ? 'within' : 'OVER'}`]
          : []),
      ];
      this.info(`\n${lines.map((l) => `  bundle: ${l}`).join('\n')}`);
    },
  };
}
