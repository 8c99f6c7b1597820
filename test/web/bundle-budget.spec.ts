import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_REPORT_FILE, gzipped, WORKBENCH_BUDGET, workbenchFirstVisit, type BundleReport, type ChunkGraph } from '../../apps/web/build/first-visit';

const dist = join(__dirname, '../../apps/web/dist');

/** A built chunk's static imports, read from its code (`import … from"./x.js"`, `import"./x.js"`; `import("./x.js")` is lazy and left out). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([\w.-]+\.js)"/g)].map(([, file]) => `assets/${file}`);
}

/**
 * The cycle workbench's first-visit budget as a byte count, not a timing:
 * the built files on disk (`npm run build`), their static imports read from
 * their own code and gzipped here, must stay within WORKBENCH_BUDGET in every
 * interface language, and agree with what the build printed.
 */
describe('web: the cycle workbench’s first visit stays within its JS budget', () => {
  const built = existsSync(join(dist, BUNDLE_REPORT_FILE));
  const report = built ? (JSON.parse(readFileSync(join(dist, BUNDLE_REPORT_FILE), 'utf8')) as BundleReport) : null;

  it('has a build to measure (npm run build)', () => {
    expect(report).not.toBeNull();
  });

  (report ? it : it.skip)('is within budget in each of the six languages, counted from the files themselves', () => {
    const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    const graph: ChunkGraph = Object.fromEntries(assets.map((f) => [`assets/${f}`, staticImports(readFileSync(join(dist, 'assets', f), 'utf8'))]));
    const visits = workbenchFirstVisit(report!.roots, graph, (file) => gzipped(readFileSync(join(dist, file))));
    expect(Object.keys(visits).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(report!.budget).toBe(WORKBENCH_BUDGET);
    const over = Object.entries(visits).filter(([, v]) => v.js > WORKBENCH_BUDGET).map(([l, v]) => `${l}: ${v.js} B > ${WORKBENCH_BUDGET} B (${v.files.join(', ')})`);
    expect(over).toEqual([]);
    // The build's figure is this one: same files, same bytes.
    expect(visits).toEqual(report!.workbench);
    // What the workbench does without: no public page, no other workspace page, no other language.
    const files = visits.fr.files.join(' ');
    expect(files).not.toMatch(/public-pages|workspace-pages|messages-en|messages-fr-rest|chart-setup|world-shapes/);
    expect(files).toContain(report!.roots.catalogues.fr);
  });
});
