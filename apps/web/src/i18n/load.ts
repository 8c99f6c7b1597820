import type { Locale } from '@gcm/platform/pure';
import { setLocale, t } from '.';
import type { CompiledCatalogue } from './compiled';

type Catalogue = { default: CompiledCatalogue };

type Part = () => Promise<Catalogue>;

/**
 * Two chunks per language, English too (apps/web/build/catalogues.ts): the
 * sections the frame and the cycle workbench read, then the rest
 * (FIRST_VISIT_SECTIONS there). A page downloads its own language's catalogue
 * only, compiled and complete (a missing translation already replaced by
 * English at build time). Literal ids, so the build sees every chunk.
 */
const catalogues: Record<Locale, { first: Part; rest: Part }> = {
  ar: { first: () => import('virtual:gcm-catalogue/ar'), rest: () => import('virtual:gcm-catalogue/ar.rest') },
  zh: { first: () => import('virtual:gcm-catalogue/zh'), rest: () => import('virtual:gcm-catalogue/zh.rest') },
  en: { first: () => import('virtual:gcm-catalogue/en'), rest: () => import('virtual:gcm-catalogue/en.rest') },
  fr: { first: () => import('virtual:gcm-catalogue/fr'), rest: () => import('virtual:gcm-catalogue/fr.rest') },
  ru: { first: () => import('virtual:gcm-catalogue/ru'), rest: () => import('virtual:gcm-catalogue/ru.rest') },
  es: { first: () => import('virtual:gcm-catalogue/es'), rest: () => import('virtual:gcm-catalogue/es.rest') },
};

async function load(part: 'first' | 'rest', locale: Locale): Promise<void> {
  try {
    setLocale(locale, (await catalogues[locale][part]()).default);
  } catch (err) {
    if (locale === 'en') throw err;
    setLocale(locale, (await catalogues.en[part]()).default, 'en');
  }
}

let restLoaded: Promise<void> | null = null;

/** The rest of the catalogue of the page's language, once: every page chunk but the workbench's waits for it before its modules run (app/lazy-chunk.tsx). */
export function loadRest(locale: Locale = t.lang): Promise<void> {
  return (restLoaded ??= load('rest', locale).catch((err: unknown) => {
    restLoaded = null;
    throw err;
  }));
}

/**
 * Makes `locale` the interface language once its catalogue has arrived (the
 * first-visit sections, and the rest too when `whole`, both chunks side by
 * side); a part that cannot be fetched is set in English (its own chunk,
 * formatted by English rules), and if that fails too the error reaches the
 * caller: the app's own chunks would not load either.
 */
export async function loadLocale(locale: Locale, whole: boolean): Promise<void> {
  await Promise.all([load('first', locale), whole ? loadRest(locale) : undefined]);
}
