import type { Locale } from '@gcm/platform/pure';
import { flatten, setLocale } from '.';

type Catalogue = { default: object };

/** One chunk per language: a page downloads its own language's catalogue only (English is built in, as the fallback and the shape). */
const catalogues: Record<Exclude<Locale, 'en'>, () => Promise<Catalogue>> = {
  ar: () => import('./messages/ar.json'),
  zh: () => import('./messages/zh.json'),
  fr: () => import('./messages/fr.json'),
  ru: () => import('./messages/ru.json'),
  es: () => import('./messages/es.json'),
};

/** Makes `locale` the interface language once its catalogue has arrived; if it cannot be fetched the page stays readable in English. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en') return setLocale('en');
  try {
    setLocale(locale, flatten((await catalogues[locale]()).default));
  } catch {
    setLocale(locale);
  }
}
