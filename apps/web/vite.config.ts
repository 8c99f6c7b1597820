import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bundleReport } from './build/bundle-report';
import { compiledCatalogues } from './build/catalogues';
import { precompress } from './build/precompress';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Static build served by the API (apps/api/src/web): hashed files under /assets, index.html for every page. */
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  resolve: {
    // The one locale list and ICU formatter of the platform (libs/platform/src/pure), with this app's own copy of intl-messageformat.
    alias: [
      { find: '@gcm/platform/pure', replacement: fileURLToPath(new URL('../../libs/platform/src/pure/index.ts', import.meta.url)) },
      // The catalogues arrive pre-parsed (build/catalogues.ts), so the browser needs intl-messageformat's formatter but not its ICU parser.
      { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/lib/no-parser.js' },
    ],
    dedupe: ['intl-messageformat'],
  },
  plugins: [compiledCatalogues(), bundleReport(), precompress()],
  server: {
    // `npm run dev` in apps/web: the API (npm start) answers the data routes.
    proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
