/**
 * The house rules of the monorepo, checked by `npm run lint:deps` (and .ci/run):
 * a lib is used only through its public entry (`@gcm/<lib>`, i.e. its
 * src/index.ts; platform also has `@gcm/platform/pure`), libs never depend on
 * each other in a cycle, platform depends on no feature lib, and no lib
 * depends on an app. Imports resolve through tsconfig.json's paths, as the build does.
 */
const PUBLIC_ENTRY = ['^libs/[^/]+/src/index\\.ts$', '^libs/platform/src/pure/index\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-through-index',
      severity: 'error',
      comment: 'Import another lib through its @gcm/<lib> entry (its index.ts), never a file inside it',
      from: { path: '^(libs/([^/]+)|apps)/' },
      to: { path: '^libs/', pathNot: ['^libs/$2/', ...PUBLIC_ENTRY] },
    },
    {
      name: 'no-lib-cycle',
      severity: 'error',
      comment: 'Libs depend on each other in one direction only: this import closes a cycle through another lib',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^libs/$1/' } },
    },
    {
      name: 'platform-imports-no-feature',
      severity: 'error',
      comment: 'libs/platform is the shared kernel: it knows no feature lib',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/(?!platform/)' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      comment: 'Apps compose libs; a lib never reaches into an app',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve (e.g. a deep @gcm/<lib>/src/... path) cannot be checked',
      from: { path: '^(libs|apps)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|apps/web)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
