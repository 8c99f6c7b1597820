import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { isLocale } from '../../../libs/platform/src/pure/locales';
import { compileCatalogue } from './compile-catalogue';

const PREFIX = 'virtual:gcm-catalogue/';

/**
 * The sections of the catalogue (top-level keys of en.ts) that the app's frame
 * and the cycle workbench read: a language's first chunk (`virtual:gcm-catalogue/fr`)
 * holds these, the second (`…/fr.rest`) the others, fetched before any other
 * page's chunk runs (load.ts). The build fails when code on the workbench's
 * first visit reads a section not listed here (bundle-report.ts).
 */
export const FIRST_VISIT_SECTIONS = [
  'site', 'nav', 'common', 'auth', 'formUi', 'validation', 'roles', 'ws', 'pledge', 'pledgeEdit', 'updates', 'cycles',
  'workbench', 'extensions', 'experts', 'team', 'sso', 'subscriptions',
];

/** The part of a catalogue tree in (or, for `rest`, outside) the first-visit sections. */
function part(tree: object, rest: boolean): object {
  return Object.fromEntries(Object.entries(tree).filter(([key]) => FIRST_VISIT_SECTIONS.includes(key) !== rest));
}

/** The module id of a language's first-visit catalogue is this and the language; its rest's ends in REST. */
export const CATALOGUE_ID = '\0gcm-catalogue/messages-';
export const REST = '-rest';

/**
 * `import('virtual:gcm-catalogue/fr')` (and `fr.rest`): the French interface
 * catalogue, compiled at build time (compile-catalogue.ts) from
 * i18n/messages/fr.json against the English one (i18n/en.ts), in two chunks of
 * its own. The browser gets ASTs, never the ICU parser, and only its page's language.
 */
export function compiledCatalogues(): Plugin {
  let root = '';
  let english: Promise<{ en: object; files: string[] }> | null = null;
  return {
    name: 'gcm-catalogues',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      english = null;
    },
    watchChange(id) {
      if (id.includes('/i18n/')) english = null;
    },
    resolveId(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const [locale, rest] = id.slice(PREFIX.length).split('.');
      return `${CATALOGUE_ID}${locale}${rest === 'rest' ? REST : rest === undefined ? '' : '.unknown'}`;
    },
    async load(id) {
      if (!id.startsWith(CATALOGUE_ID)) return undefined;
      const name = id.slice(CATALOGUE_ID.length);
      const rest = name.endsWith(REST);
      const locale = rest ? name.slice(0, -REST.length) : name;
      if (!isLocale(locale)) this.error(`no interface catalogue "${name}"`);
      english ??= runnerImport<{ en: object }>(join(root, 'src/i18n/en.ts'), { configFile: false, root, logLevel: 'silent' }).then(
        ({ module, dependencies }) => ({ en: module.en, files: dependencies }),
      );
      const { en, files } = await english;
      files.forEach((file) => this.addWatchFile(file));
      let translated: object | undefined;
      if (locale !== 'en') {
        const file = join(root, 'src/i18n/messages', `${locale}.json`);
        this.addWatchFile(file);
        translated = JSON.parse(readFileSync(file, 'utf8')) as object;
      }
      // JSON.parse of one string literal: smaller and faster to start than an object literal of the same data.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compileCatalogue(part(en, rest), translated && part(translated, rest))))});`;
    },
  };
}
