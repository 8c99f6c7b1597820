import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { CATALOGUE_ID, FIRST_VISIT_SECTIONS, REST } from './catalogues';
import { BUNDLE_REPORT_FILE, closure, gzipped, kB, WORKBENCH_BUDGET, workbenchFirstVisit, type BundleReport, type ChunkGraph } from './first-visit';

/**
 * Prints what a first visit downloads (the entry chunk, its static imports and CSS)
 * gzipped, next to the lazily loaded chunks (charts, map), so bundle growth shows in every build;
 * then the cycle workbench's first visit in each language against its budget
 * (first-visit.ts), loudly when over, and writes it all to dist/bundle-report.json.
 */
export function bundleReport(): Plugin {
  return {
    name: 'gcm-bundle-report',
    apply: 'build',
    // Once written: Vite's own generateBundle steps (preload lists rewritten into the chunks) are done, so the sizes are the files'.
    writeBundle(options, bundle: Rollup.OutputBundle) {
      const chunks = Object.values(bundle).filter((b): b is Rollup.OutputChunk => b.type === 'chunk');
      const sizes = new Map<string, number>();
      const gz = (name: string) => {
        let size = sizes.get(name);
        if (size === undefined) {
          const item = bundle[name];
          size = gzipped(item.type === 'chunk' ? item.code : item.source);
          sizes.set(name, size);
        }
        return size;
      };
      const sum = (names: string[]) => names.reduce((total, n) => total + gz(n), 0);
      const graph: ChunkGraph = Object.fromEntries(chunks.map((c) => [c.fileName, c.imports]));
      // The chunk holding a module (a dynamic import's target need not be its chunk's facade).
      const holding = (end: string) => chunks.find((c) => c.moduleIds.some((id) => id.endsWith(end)))?.fileName;
      const entry = chunks.find((c) => c.isEntry)?.fileName;
      if (!entry) return;
      const initial = closure(graph, [entry]);
      const js = chunks.map((c) => c.fileName);
      const css = Object.keys(bundle).filter((n) => n.endsWith('.css'));
      const lazy = js.filter((n) => !initial.includes(n));
      const lines = [
        `initial JS ${kB(sum(initial))} gzipped (${initial.length} chunk${initial.length === 1 ? '' : 's'}), CSS ${kB(sum(css))} gzipped`,
        `lazy JS ${kB(sum(lazy))} gzipped: ${lazy.map((n) => `${n.replace(/^assets\//, '')} ${kB(gz(n))}`).join(', ')}`,
        `all JS ${kB(sum(js))} gzipped`,
      ];
      const app = holding('/src/app/app.tsx');
      const workbench = holding('/src/workspace/cycles/workbench.page.tsx');
      const catalogues = Object.fromEntries(
        chunks.flatMap((c) => c.moduleIds.filter((id) => id.startsWith(CATALOGUE_ID) && !id.endsWith(REST)).map((id) => [id.slice(CATALOGUE_ID.length), c.fileName])),
      );
      let over = false;
      if (app && workbench) {
        const roots = { entry, app, workbench, catalogues };
        const visits = workbenchFirstVisit(roots, graph, gz);
        const [worstLocale, worst] = Object.entries(visits).sort((a, b) => b[1].js - a[1].js)[0];
        over = worst.js > WORKBENCH_BUDGET;
        // The workbench's first visit runs with the first-visit sections of the catalogue only: code on it reading another section would show nothing.
        const outside = new Set<string>();
        for (const file of worst.files) {
          for (const id of (bundle[file] as Rollup.OutputChunk).moduleIds) {
            const code = id.includes('/node_modules/') ? '' : (this.getModuleInfo(id)?.code ?? '');
            for (const [, section] of code.matchAll(/\bt\.([A-Za-z]\w*)/g)) {
              if (!FIRST_VISIT_SECTIONS.includes(section) && !['lang', 'locale', 'dir'].includes(section)) outside.add(`t.${section} (${id.replace(/^.*\/src\//, '')})`);
            }
          }
        }
        if (outside.size) this.error(`the workbench's first visit reads catalogue sections it does not load (add them to FIRST_VISIT_SECTIONS in build/catalogues.ts): ${[...outside].join(', ')}`);
        lines.push(
          `workbench first visit JS ${kB(worst.js)} gzipped at most (${worstLocale}, ${worst.files.length} chunks) + CSS ${kB(sum(css))}; ` +
            `budget ${kB(WORKBENCH_BUDGET)} JS: ${over ? 'OVER' : 'within'}`,
          `workbench first visit JS by language: ${Object.entries(visits).map(([l, v]) => `${l} ${kB(v.js)}`).join(', ')}`,
        );
        const report: BundleReport = { budget: WORKBENCH_BUDGET, roots, graph, workbench: visits, css: sum(css) };
        writeFileSync(join(options.dir ?? 'dist', BUNDLE_REPORT_FILE), `${JSON.stringify(report, null, 1)}\n`);
      }
      this.info(`\n${lines.map((l) => `  bundle: ${l}`).join('\n')}`);
      if (over) this.warn(`OVER BUDGET: the cycle workbench's first visit downloads more than ${kB(WORKBENCH_BUDGET)} of JS gzipped (see above)`);
    },
  };
}
