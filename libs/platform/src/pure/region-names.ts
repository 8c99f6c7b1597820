import { SOURCE_LOCALE, type Locale } from './locales';

const regionNames = new Map<Locale, Intl.DisplayNames>();

/**
 * A country's (by ISO alpha-2) or an M49 region's name in `locale` from CLDR
 * through `Intl.DisplayNames` (Node's full ICU): no hand-kept list. English
 * keeps the UN's own short name from the country list; a code CLDR does not
 * know keeps it too, marked English. The catalogue's answers and the report
 * builders both name places through this one function.
 */
export function regionName(locale: Locale, code: string | null, english: string): { name: string; lang: Locale } {
  if (locale === SOURCE_LOCALE || !code) return { name: english, lang: SOURCE_LOCALE };
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    regionNames.set(locale, names);
  }
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    name = undefined;
  }
  return name ? { name, lang: locale } : { name: english, lang: SOURCE_LOCALE };
}
