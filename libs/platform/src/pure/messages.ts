import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, SOURCE_LOCALE, type Locale } from './locales';

/**
 * Server-side messages in ICU MessageFormat (intl-messageformat, the formatjs
 * engine the web uses too). A catalogue is one object per locale of key → ICU
 * message; English is complete, other locales may lack a key only while a test
 * says so (`catalogueGaps`). Each lib keeps its own catalogue beside its code
 * (e.g. `libs/<lib>/src/i18n/messages.ts`) and formats through `formatMessage`.
 */
export type MessageCatalogue<K extends string = string> = Record<Locale, Partial<Record<K, string>>> & {
  en: Record<K, string>;
};

const compiled = new Map<string, IntlMessageFormat>();

/**
 * The message `key` of `catalogue` in `locale`, formatted with `values`
 * (plural rules, numbers and dates by the locale). A key missing in `locale`
 * falls back to English; `lang` says which language the text is in, so a page
 * can mark a fallback with `lang="en"`.
 */
export function formatMessageIn<K extends string>(
  catalogue: MessageCatalogue<K>,
  locale: Locale,
  key: K,
  values?: Record<string, unknown>,
): { text: string; lang: Locale } {
  const own = catalogue[locale]?.[key];
  const lang: Locale = own === undefined ? SOURCE_LOCALE : locale;
  const source = own ?? catalogue.en[key];
  if (source === undefined) throw new Error(`message ${key} is missing in English`);
  const cacheKey = `${lang}\u0000${source}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, lang);
    compiled.set(cacheKey, format);
  }
  const text = format.format(values as Record<string, string | number | Date>);
  return { text: Array.isArray(text) ? text.join('') : String(text), lang };
}

export function formatMessage<K extends string>(
  catalogue: MessageCatalogue<K>,
  locale: Locale,
  key: K,
  values?: Record<string, unknown>,
): string {
  return formatMessageIn(catalogue, locale, key, values).text;
}

/**
 * What a catalogue lacks or has too much of, per locale, against English: keys
 * missing, keys English does not have, and messages whose placeholders
 * (`{name}`, `{n, plural, …}`) differ from the English ones. Empty when whole;
 * the test of every catalogue asserts that.
 */
export function catalogueGaps(catalogue: MessageCatalogue): string[] {
  const gaps: string[] = [];
  const english = catalogue.en;
  for (const locale of LOCALES) {
    const messages = catalogue[locale] ?? {};
    for (const key of Object.keys(english)) {
      const text = (messages as Record<string, string | undefined>)[key];
      if (text === undefined) gaps.push(`${locale}: missing ${key}`);
      else if (placeholders(text).join() !== placeholders(english[key]).join())
        gaps.push(`${locale}: ${key} has placeholders {${placeholders(text)}} where English has {${placeholders(english[key])}}`);
    }
    for (const key of Object.keys(messages)) if (!(key in english)) gaps.push(`${locale}: extra ${key}`);
  }
  return gaps;
}

/**
 * The argument names of an ICU message, sorted (nested plural/select arguments
 * included), read from its parsed form so that the words of a plural case
 * (`one {Pledges, …}`, `=0 {today}`) are not taken for arguments. A message
 * that does not parse gives `['!unparseable']`, which matches nothing.
 */
export function placeholders(message: string): string[] {
  const names = new Set<string>();
  // Element types of the formatjs parser: 0 literal, 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 7 pound (#), 8 tag.
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>): void => {
    for (const el of elements) {
      if (el.type >= 1 && el.type <= 6) names.add((el as { value: string }).value);
      if ('options' in el) for (const option of Object.values(el.options)) walk(option.value);
      if ('children' in el) walk(el.children);
    }
  };
  try {
    walk(new IntlMessageFormat(message, SOURCE_LOCALE).getAst());
  } catch {
    return ['!unparseable'];
  }
  return [...names].sort();
}
