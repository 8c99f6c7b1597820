import type { Locale } from '@gcm/platform/pure';
import { setLocale, t } from '.';
import type { CompiledCatalogue } from './compiled';

type Catalogue = { default: CompiledCatalogue };

/**
 * One chunk per language, English too (apps/web/build/catalogues.ts): a page
 * downloads its own language's catalogue only, compiled, complete (a missing
 * translation already replaced by English at build time).
 */
const firstVisit: Record<Locale, () => Promise<Catalogue>> = {
  ar: () => import('virtual:gcm-catalogue/ar'),
  zh: () => import('virtual:gcm-catalogue/zh'),
  en: () => import('virtual:gcm-catalogue/en'),
  fr: () => import('virtual:gcm-catalogue/fr'),
  ru: () => import('virtual:gcm-catalogue/ru'),
  es: () => import('virtual:gcm-catalogue/es'),
};

/** The rest of each catalogue: the sections the frame and the cycle workbench do not read (build/catalogues.ts FIRST_VISIT_SECTIONS). */
const rest: Record<Locale, () => Promise<Catalogue>> = {
  ar: () => import('virtual:gcm-catalogue/ar.rest'),
  zh: () => import('virtual:gcm-catalogue/zh.rest'),
  en: () => import('virtual:gcm-catalogue/en.rest'),
  fr: () => import('virtual:gcm-catalogue/fr.rest'),
  ru: () => import('virtual:gcm-catalogue/ru.rest'),
  es: () => import('virtual:gcm-catalogue/es.rest'),
};

async function load(parts: Record<Locale, () => Promise<Catalogue>>, locale: Locale): Promise<void> {
  try {
    setLocale(locale, (await parts[locale]()).default);
  } catch (err) {
    if (locale === 'en') throw err;
    setLocale(locale, (await parts.en()).default, 'en');
  }
}

let restLoaded: Promise<void> | null = null;

/** The rest of the catalogue of the page's language, once: every page chunk but the workbench's waits for it before its modules run (app/lazy-chunk.tsx). */
export function loadRest(locale: Locale = t.lang): Promise<void> {
  return (restLoaded ??= load(rest, locale).catch((err: unknown) => {
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
  await Promise.all([load(firstVisit, locale), whole ? loadRest(locale) : undefined]);
}
