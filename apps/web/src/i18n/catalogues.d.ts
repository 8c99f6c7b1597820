/** One language's compiled interface catalogue (apps/web/build/catalogues.ts), one chunk per language. */
declare module 'virtual:gcm-catalogue/*' {
  import type { CompiledCatalogue } from './compiled';

  const catalogue: CompiledCatalogue;
  export default catalogue;
}
